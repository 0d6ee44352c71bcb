import {
  Button,
  FormLabel,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslate } from '../../use-translate.ts';
import type { HeatRun } from '../../../scenarios/heat/changes.ts';
import { useMapToolStore } from '../../../state/map-tool-store.ts';
import { useScenarioStore } from '../../../state/scenario-store.ts';
import { useSketchStore } from '../../../state/sketch-store.ts';
import {
  changeFromDrawing,
  HEAT_TOOLS,
  minimumPoints,
  pointsToFinish,
  type HeatTool,
  type HeatToolSettings,
} from './heat-drawing.ts';
import { KeaComparison } from './KeaComparison.tsx';

const HOURS = ['afternoon', 10, 11, 12, 13, 14, 15, 16, 17, 18, 19] as const;

/**
 * Draw greening on the map: a tree, a row of trees, depaving to green, water, a green roof or a new
 * building. Each finished drawing is one change of the scenario (undo takes it back) and is run at
 * once. Clicks on the map give the points; Enter on the focused map uses its centre, Shift+Enter
 * or a double click finishes a shape, Escape stops.
 */
export function HeatEditor() {
  const t = useTranslate();
  const [tool, setTool] = useState<HeatTool | null>(null);
  const [settings, setSettings] = useState<HeatToolSettings>({
    crownDiameter: 8,
    treeHeight: 10,
    buildingHeight: 15,
  });
  const points = useSketchStore((s) => s.points);
  const active = useMapToolStore((s) => s.tool);
  const run = useScenarioStore((s) => s.scenario?.run as HeatRun | undefined);
  // The map tool is made once per tool; it reads the latest sizes through this ref.
  const settingsRef = useRef(settings);
  useEffect(() => {
    settingsRef.current = settings;
  }, [settings]);

  // The map tool lives while a tool is chosen; Escape on the map (which clears it) stops drawing here too.
  useEffect(() => {
    if (!tool) return;
    const finish = () => {
      const sketch = useSketchStore.getState().points;
      if (sketch.length < minimumPoints(tool)) return;
      const change = changeFromDrawing(tool, sketch, settingsRef.current);
      useSketchStore.getState().clearSketch();
      void useScenarioStore
        .getState()
        .edit((s) => ({ ...s, changes: [...s.changes, change] }), t(`scenario.heat.tool.${tool}`));
    };
    useMapToolStore.getState().setTool({
      id: `heat-${tool}`,
      onPoint: (lon, lat) => {
        const next: [number, number][] = [...useSketchStore.getState().points, [lon, lat]];
        useSketchStore.getState().setSketch(next, pointsToFinish(tool) === null);
        if (next.length === pointsToFinish(tool)) finish();
      },
      onFinish: finish,
    });
    return () => {
      useMapToolStore.getState().setTool(null);
      useSketchStore.getState().clearSketch();
    };
  }, [tool, t]);

  // Escape on the map puts the map tool away: then stop drawing here too.
  const hadTool = useRef(false);
  useEffect(() => {
    if (hadTool.current && active === null && tool) setTool(null);
    hadTool.current = active !== null;
  }, [active, tool]);

  const setRun = (update: Partial<HeatRun>) =>
    void useScenarioStore
      .getState()
      .edit((s) => ({ ...s, run: { ...(s.run as HeatRun), ...update } }), t('scenario.heat.when'));

  const number = (
    key: keyof HeatToolSettings,
    labelKey: Parameters<typeof t>[0],
    min: number,
    max: number,
  ) => (
    <div className="heat-editor__number">
      <FormLabel htmlFor={`heat-${key}`}>{t(labelKey)}</FormLabel>
      <Textbox
        id={`heat-${key}`}
        type="number"
        min={min}
        max={max}
        value={settings[key]}
        onChange={(event) => {
          const value = Number(event.target.value);
          if (Number.isFinite(value)) setSettings((s) => ({ ...s, [key]: value }));
        }}
      />
    </div>
  );

  return (
    <div className="heat-editor">
      <Heading3>{t('scenario.heat.draw')}</Heading3>
      <div className="heat-editor__tools" role="group" aria-label={t('scenario.heat.draw')}>
        {HEAT_TOOLS.map((option) => (
          <Button
            key={option}
            appearance={tool === option ? 'primary-action-button' : 'secondary-action-button'}
            aria-pressed={tool === option}
            onClick={() => setTool(tool === option ? null : option)}
          >
            {t(`scenario.heat.tool.${option}`)}
          </Button>
        ))}
      </div>
      {tool && (
        <div className="heat-editor__hint" role="status">
          <Paragraph small>{t(`scenario.heat.hint.${tool}`)}</Paragraph>
          <Paragraph small>{t('scenario.heat.hintKeys')}</Paragraph>
          {pointsToFinish(tool) === null && (
            <Button
              appearance="primary-action-button"
              disabled={points.length < minimumPoints(tool)}
              onClick={() => useMapToolStore.getState().tool?.onFinish?.()}
            >
              {t('scenario.heat.finish', { n: points.length })}
            </Button>
          )}
          <Button appearance="subtle-button" onClick={() => setTool(null)}>
            {t('scenario.heat.stop')}
          </Button>
        </div>
      )}
      <div className="heat-editor__numbers">
        {number('crownDiameter', 'scenario.heat.crownDiameter', 1, 30)}
        {number('treeHeight', 'scenario.heat.treeHeight', 1, 50)}
        {number('buildingHeight', 'scenario.heat.buildingHeight', 1, 300)}
      </div>
      <FormLabel htmlFor="heat-hour">{t('scenario.heat.when')}</FormLabel>
      <Select
        id="heat-hour"
        value={String(run?.hour ?? 'afternoon')}
        onChange={(event) => {
          const value = event.target.value;
          setRun({ hour: value === 'afternoon' ? 'afternoon' : Number(value) });
        }}
      >
        {HOURS.map((hour) => (
          <SelectOption key={hour} value={String(hour)}>
            {hour === 'afternoon'
              ? t('scenario.heat.afternoon')
              : t('scenario.heat.hour', { hour, next: hour + 1 })}
          </SelectOption>
        ))}
      </Select>
      <KeaComparison />
    </div>
  );
}
