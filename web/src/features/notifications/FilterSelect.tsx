// A filter whose first option means "no filter" (the shared Select always starts with "— kies —").
import { OptionSelect, type OptionSelectProps } from '../../ui/list-controls.js';

export function FilterSelect(props: Omit<OptionSelectProps, 'hint' | 'error' | 'field' | 'className'>) {
  return <OptionSelect className="regie-filter-select" {...props} />;
}
