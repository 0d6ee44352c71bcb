import { FormLabel, Select, SelectOption } from '@utrecht/component-library-react';
import { useTranslate } from '../../use-translate.ts';
import type { JunctionState } from '../../../layers/scenario-result/cycling/cycling-network.ts';

/** A labelled list of the network's junctions by name: the keyboard way to pick one. */
export function JunctionSelect({
  id,
  label,
  junctions,
  value,
  onChange,
  disabledId,
}: {
  id: string;
  label: string;
  junctions: readonly JunctionState[];
  /** The chosen junction's id, or '' for none. */
  value: string;
  onChange: (id: string) => void;
  /** A junction that cannot be chosen here (the other end of a new link). */
  disabledId?: string;
}) {
  const t = useTranslate();
  const known = junctions.some((j) => j.id === value);
  const sorted = [...junctions].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      <Select id={id} value={known ? value : ''} onChange={(e) => onChange(e.target.value)}>
        <SelectOption value="">{t('scenario.cycling.chooseJunction')}</SelectOption>
        {sorted.map((j) => (
          <SelectOption key={j.id} value={j.id} disabled={j.id === disabledId}>
            {j.name}
          </SelectOption>
        ))}
      </Select>
    </>
  );
}
