// The files chosen in a form before it is sent (the signal form, the public concern form): each with its size and a way to remove it.
import { useSignalT } from './texts.js';

/** The chosen files as a list, nothing while there are none; `label` names the list for screen readers. */
export function ChosenFiles({
  files,
  label,
  onRemove,
}: {
  files: Array<{ name: string; size: number }>;
  label?: string;
  onRemove: (index: number) => void;
}) {
  const t = useSignalT();
  if (files.length === 0) return null;
  return (
    <ul className="utrecht-unordered-list" aria-label={label}>
      {files.map((file, i) => (
        <li key={`${file.name}-${i}`} className="utrecht-unordered-list__item">
          {file.name} ({Math.ceil(file.size / 1024)} KB){' '}
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle"
            aria-label={`${t('removeFile')}: ${file.name}`}
            onClick={() => onRemove(i)}
          >
            {t('removeFile')}
          </button>
        </li>
      ))}
    </ul>
  );
}
