// The public concern form's files: at most three, each at most 10 MB, sent as they are (multipart).
import { useState } from 'react';
import { TextInput } from '../../ui/forms.js';
import { useSignalT } from './texts.js';
import { tooLargeFile } from './drafts.js';
import { attachmentErrors, MAX_CONCERN_FILES } from './public-concern.js';
import { ChosenFiles } from './ChosenFiles.js';

/** JPEG, PNG, PDF or notes. Not HEIC: with this list an iPhone hands over its photos as JPEG. */
const ACCEPT = '.jpg,.jpeg,.png,.pdf,.txt,image/jpeg,image/png,application/pdf,text/plain';

/** The file field and the chosen files; a file too many or too large is refused here, a refusal of the server shown at the field. */
export function PublicFileFields({
  files,
  onChange,
  errors,
  onClearError,
}: {
  files: File[];
  onChange: (files: File[]) => void;
  errors: Record<string, string>;
  /** A refusal names a file by its place in the list: once the list changes, it no longer fits. */
  onClearError: () => void;
}) {
  const t = useSignalT();
  const [fileError, setFileError] = useState('');
  const pick = (list: FileList | null) => {
    setFileError('');
    onClearError();
    const chosen = Array.from(list ?? []);
    const tooBig = tooLargeFile(chosen);
    if (tooBig) {
      setFileError(`${tooBig.name}: ${t('fileTooLarge')} ${t('publicFilesHint')}`);
      return;
    }
    if (files.length + chosen.length > MAX_CONCERN_FILES) {
      setFileError(t('publicFilesTooMany', { n: MAX_CONCERN_FILES }));
      return;
    }
    onChange([...files, ...chosen]);
  };
  const fileErrors = attachmentErrors(
    errors,
    files.map((file) => file.name),
  );
  return (
    <>
      <TextInput
        label={`${t('publicFiles')} ${t('optional')}`}
        hint={t('publicFilesHint')}
        type="file"
        multiple
        accept={ACCEPT}
        error={[fileError, ...fileErrors].filter(Boolean).join(' ') || undefined}
        onChange={(e) => {
          pick(e.target.files);
          e.target.value = '';
        }}
      />
      <ChosenFiles
        files={files}
        label={t('publicFilesChosen')}
        onRemove={(i) => {
          onChange(files.filter((_, j) => j !== i));
          onClearError();
        }}
      />
    </>
  );
}
