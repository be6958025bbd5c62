// The signal form's files: chosen in the browser (at most 10 MB each), read to send with the signal, removable.
import { TextInput } from '../../ui/forms.js';
import { useSignalT } from './texts.js';
import { readFile, tooLargeFile, type FileDraft } from './drafts.js';
import { ChosenFiles } from './ChosenFiles.js';

/** The files to send with a new signal; a file that is too large is refused here, with its name. */
export function AttachmentFields({
  files,
  onChange,
  error,
  onError,
}: {
  files: FileDraft[];
  onChange: (files: FileDraft[]) => void;
  error: string;
  onError: (error: string) => void;
}) {
  const t = useSignalT();
  const pickFiles = async (list: FileList | null) => {
    onError('');
    const chosen = [...(list ?? [])];
    const tooBig = tooLargeFile(chosen);
    if (tooBig) {
      onError(`${tooBig.name}: ${t('fileTooLarge')}`);
      return;
    }
    onChange([...files, ...(await Promise.all(chosen.map(readFile)))]);
  };

  return (
    <fieldset className="utrecht-form-fieldset regie-fieldset">
      <legend className="utrecht-form-fieldset__legend">
        {t('attachments')} {t('optional')}
      </legend>
      <TextInput
        label={t('addAttachment')}
        hint={t('attachmentsHint')}
        type="file"
        multiple
        accept=".pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain"
        error={error || undefined}
        onChange={(e) => {
          void pickFiles(e.target.files);
          e.target.value = '';
        }}
      />
      <ChosenFiles
        files={files.map((f) => ({ name: f.filename, size: f.sizeBytes }))}
        onRemove={(i) => onChange(files.filter((_, j) => j !== i))}
      />
    </fieldset>
  );
}
