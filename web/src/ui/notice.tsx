// A confirmation in a live region that is always there, so that screen readers announce it when
// it appears (a region added together with its text is often not read).
import type { ReactNode } from 'react';
import { Alert, Paragraph } from '@rijkshuisstijl-community/components-react';

/** `text` as one paragraph, or `children`; nothing (but the empty region) while both are empty. */
export function LiveNotice({ text, children }: { text?: string | null; children?: ReactNode }) {
  const content = text ? <Paragraph>{text}</Paragraph> : children;
  return (
    <div role="status">
      {content && (
        <Alert type="ok" role="none">
          {content}
        </Alert>
      )}
    </div>
  );
}
