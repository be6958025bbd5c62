// Reference index (verwijsindex) — screens registered in main.tsx.
import { Heading } from '@rijkshuisstijl-community/components-react';
export function RefIndex() { return <Heading level={1}>Verwijsindex</Heading>; }
