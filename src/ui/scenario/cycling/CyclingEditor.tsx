import { Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslate } from '../../use-translate.ts';
import { cyclingRouteDefinition } from '../../../scenarios/cycling/definition.ts';
import { scenarioOfKind } from '../../../scenarios/kinds.ts';
import { useScenarioStore } from '../../../state/scenario-store.ts';
import { AddLinkEditor } from './AddLinkEditor.tsx';
import { cyclingNetwork } from '../../../layers/scenario-result/cycling/cycling-network.ts';
import { JunctionEditor } from './JunctionEditor.tsx';
import { RunSettings } from './RunSettings.tsx';
import { StreetEditor } from './StreetEditor.tsx';

/**
 * Editing a cycling scenario: the day and hour to model, a street's state (also by clicking it on
 * the map), a junction's wait and new links. Every edit can be undone and runs the model again.
 */
export function CyclingEditor() {
  const t = useTranslate();
  const scenario = useScenarioStore((s) => scenarioOfKind(cyclingRouteDefinition, s.scenario));
  const baselineData = useScenarioStore((s) => s.baselineData);
  if (!scenario) return null;
  const network = cyclingNetwork(baselineData, scenario.changes);
  return (
    <div className="cycling-editor" data-testid="cycling-editor">
      <Heading3>{t('scenario.cycling.editHeading')}</Heading3>
      <RunSettings run={scenario.run} />
      <Paragraph small className="cycling-editor__hint">
        {t('scenario.cycling.mapHint')}
      </Paragraph>
      {network ? (
        <>
          <StreetEditor network={network} />
          <JunctionEditor network={network} />
          <AddLinkEditor network={network} />
        </>
      ) : (
        <Paragraph small>{t('scenario.cycling.waitForNetwork')}</Paragraph>
      )}
    </div>
  );
}
