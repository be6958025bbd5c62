// The parts a screen is built of: its title row (the level-1 heading with the screen's main
// action beside it) and its sections, each named by its own level-2 heading.
import type { ReactNode } from 'react';
import { Heading } from '@rijkshuisstijl-community/components-react';

/** The screen's heading, with its main action (a button or a link) beside it. */
export function TitleRow({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="regie-title-row">
      <Heading level={1}>{title}</Heading>
      {children}
    </div>
  );
}

/** A `regie-section` named by its level-2 heading (`aria-labelledby`), a region to jump to. */
export function Section({ id, title, children }: { id: string; title: ReactNode; children?: ReactNode }) {
  return (
    <section className="regie-section" aria-labelledby={id}>
      <Heading level={2} id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
