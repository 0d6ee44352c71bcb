import { Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslate } from '../../use-translate.ts';
import { addUserLayer } from '../../bindings/add-user-layer.ts';
import { endpoints } from '../../../config/endpoints.ts';
import { KEA_HEAT_LAYERS } from '../../../sources/klimaateffectatlas/index.ts';
import { useAppStore } from '../../../state/app-store.ts';
import { useUserLayersStore } from '../../../state/user-layers-store.ts';

/** The national felt-temperature map (Klimaateffectatlas WMS) beside the model, when online. */
export function KeaComparison() {
  const t = useTranslate();
  const live = useAppStore((s) => s.live);
  const url = new URL(endpoints.keaWms);
  url.searchParams.set('service', 'WMS');
  url.searchParams.set('layers', KEA_HEAT_LAYERS.gevoelstemperatuur);
  const added = useUserLayersStore((s) => s.layers.some((layer) => layer.url === url.href));
  if (!live) return <Paragraph small>{t('scenario.heat.keaOffline')}</Paragraph>;
  return (
    <>
      <Button appearance="secondary-action-button" disabled={added} onClick={() => addUserLayer(url, 'wms')}>
        {t('scenario.heat.keaShow')}
      </Button>
      <Paragraph small>{t('scenario.heat.keaNote')}</Paragraph>
    </>
  );
}
