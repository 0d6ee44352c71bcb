import { Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useTranslate } from '../../use-translate.ts';
import { cyclingRouteDefinition, type CyclingRun } from '../../../scenarios/cycling/definition.ts';
import { scenarioOfKind } from '../../../scenarios/kinds.ts';
import type { RunOutcome } from '../../../scenarios/engine/runner.ts';
import { useScenarioStore, type ScenarioOrigin } from '../../../state/scenario-store.ts';
import { cyclingNetwork } from '../../../layers/scenario-result/cycling/cycling-network.ts';
import { HotspotList } from './HotspotList.tsx';
import { OdTable } from './OdTable.tsx';
import { periodText, tripUnit } from './period.ts';

/** Loads whose first result has been shown at the run's hour (edits keep the same origin object). */
const openedAtHour = new WeakSet<ScenarioOrigin>();

/** A cycling run's own results: trips without a route, detours, hotspots and the travel-time table. */
export function CyclingResults() {
  const outcome = useScenarioStore((s) => s.outcome);
  const scenario = scenarioOfKind(cyclingRouteDefinition, outcome?.scenario);
  const baselineData = useScenarioStore((s) => s.baselineData);
  const origin = useScenarioStore((s) => s.origin);
  const hour = scenario?.run.hour;

  // A scenario about one hour opens the map at that hour, so the bands match the table. A shared
  // link brings its own moment, and after an edit playback stays where the user left it.
  useEffect(() => {
    if (!outcome || !origin || origin.type === 'link' || openedAtHour.has(origin)) return;
    openedAtHour.add(origin);
    if (hour !== undefined) useScenarioStore.getState().setStep(hour);
  }, [outcome, origin, hour]);

  if (!outcome || !scenario) return null;
  const network = cyclingNetwork(baselineData, scenario.changes);
  if (!network) return null;
  return (
    <div className="cycling-results">
      <TripSummary outcome={outcome} detourLimit={network.params.detourLimit} />
      <HotspotList outcome={outcome} network={network} />
      <OdTable outcome={outcome} detourLimit={network.params.detourLimit} />
    </div>
  );
}

/** Trips that lost their route (called out), and how many now ride a detour beyond the limit. */
function TripSummary({ outcome, detourLimit }: { outcome: RunOutcome; detourLimit: number }) {
  const t = useTranslate();
  const run = outcome.scenario.run as CyclingRun;
  const indicators = outcome.difference?.indicators ?? {};
  const whole = (value: number | null | undefined) => Math.round(value ?? 0);
  const unservable = whole(indicators['unservableTrips']?.scenario);
  const over = indicators['tripsOverDetour'];
  const pairs = indicators['odPairsOverDetour'];
  const unit = tripUnit(run, t);
  return (
    <>
      {unservable > 0 && (
        <Paragraph small className="cycling-callout" data-testid="cycling-unservable">
          <strong>{t('scenario.cycling.unservable', { trips: unservable, unit })}</strong>
        </Paragraph>
      )}
      {over && (
        <Paragraph small data-testid="cycling-detour">
          {t('scenario.cycling.detourSummary', {
            trips: whole(over.scenario),
            unit,
            pairs: whole(pairs?.scenario),
            limit: detourLimit,
            before: whole(over.baseline),
            period: periodText(run, t),
          })}
        </Paragraph>
      )}
    </>
  );
}
