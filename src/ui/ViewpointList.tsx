import { Button, ButtonGroup, Heading2 } from '@utrecht/component-library-react';
import { VIEWPOINTS } from '../config/viewpoints.ts';
import { useTranslate } from './use-translate.ts';
import { useAppStore } from '../state/app-store.ts';

export function ViewpointList() {
  const t = useTranslate();
  const requestCamera = useAppStore((s) => s.requestCamera);
  return (
    <section aria-labelledby="places-heading" className="panel-section">
      <Heading2 id="places-heading">{t('places.heading')}</Heading2>
      <ButtonGroup className="viewpoints">
        {VIEWPOINTS.map((viewpoint) => (
          <Button
            key={viewpoint.id}
            appearance="secondary-action-button"
            data-viewpoint={viewpoint.id}
            onClick={() => requestCamera(viewpoint.pose)}
          >
            {t(`viewpoint.${viewpoint.id}`)}
          </Button>
        ))}
      </ButtonGroup>
    </section>
  );
}
