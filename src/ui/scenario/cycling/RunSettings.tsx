import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  RadioButton,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { useTranslate } from '../../use-translate.ts';
import { DAY_TYPES, type DayType } from '../../../scenarios/cycling/network-file.ts';
import type { CyclingRun } from '../../../scenarios/cycling/definition.ts';
import { useScenarioStore } from '../../../state/scenario-store.ts';
import { setRun } from './cycling-edits.ts';
import { applyEdit } from './link-edits.ts';
import { hourRange } from './period.ts';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * Which average day to model, and which hour the travel-time table and hotspots are for. Both are
 * part of the scenario (saved and shared with it); changing one runs it again.
 */
export function RunSettings({ run }: { run: CyclingRun }) {
  const t = useTranslate();
  const dayType = run.dayType ?? 'weekday';

  const chooseDay = (day: DayType) =>
    applyEdit({ edit: setRun({ dayType: day }), label: t(`scenario.cycling.day.${day}`) });
  const chooseHour = (value: string) => {
    const hour = value === '' ? undefined : Number(value);
    applyEdit({
      edit: setRun({ hour }),
      label: hour === undefined ? t('scenario.cycling.wholeDay') : hourRange(hour),
    });
    // The map follows the chosen hour, so the bands match the table.
    if (hour !== undefined) useScenarioStore.getState().setStep(hour);
  };

  return (
    <div className="cycling-editor__run">
      <Fieldset>
        <FieldsetLegend>{t('scenario.cycling.dayType')}</FieldsetLegend>
        {DAY_TYPES.map((day) => (
          <FormField type="radio" key={day}>
            <RadioButton
              id={`cycling-day-${day}`}
              name="cycling-day"
              value={day}
              checked={dayType === day}
              onChange={() => chooseDay(day)}
            />
            <FormLabel htmlFor={`cycling-day-${day}`} type="radio">
              {t(`scenario.cycling.day.${day}`)}
            </FormLabel>
          </FormField>
        ))}
      </Fieldset>
      <FormLabel htmlFor="cycling-hour">{t('scenario.cycling.hour')}</FormLabel>
      <Select id="cycling-hour" value={run.hour ?? ''} onChange={(e) => chooseHour(e.target.value)}>
        <SelectOption value="">{t('scenario.cycling.wholeDay')}</SelectOption>
        {HOURS.map((h) => (
          <SelectOption key={h} value={String(h)}>
            {hourRange(h)}
          </SelectOption>
        ))}
      </Select>
    </div>
  );
}
