import { SkipLink } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { Globe } from '../globe/Globe.tsx';
import { LayerBindings } from './bindings/LayerBindings.tsx';
import { scenarioGroups } from './scenario/kinds.ts';
import { FeaturePopup } from './FeaturePopup.tsx';
import { useTranslate } from './use-translate.ts';
import { useAppStore } from '../state/app-store.ts';
import { useCrowdMonitorStore } from '../state/crowd-monitor-store.ts';
import type { AddressSearch } from '../search/search-service.ts';
import { AddLayer } from './AddLayer.tsx';
import { AppHeader } from './AppHeader.tsx';
import { AttributionBar } from './AttributionBar.tsx';
import { BuildingInfo } from './BuildingInfo.tsx';
import { DataCatalog } from './DataCatalog.tsx';
import { DataPanel } from './DataPanel.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { ControlRoom } from './crowd/ControlRoom.tsx';
import { CrowdMonitorPanel } from './crowd/CrowdMonitorPanel.tsx';
import { ScenarioPanel } from './scenario/ScenarioPanel.tsx';
import { ParticipationPanel } from './participation/ParticipationPanel.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SharePanel } from './SharePanel.tsx';
import { StatusBar } from './StatusBar.tsx';
import { TimeControl } from './TimeControl.tsx';
import { ViewpointList } from './ViewpointList.tsx';
import { useParticipationStore } from '../state/participation-store.ts';

const WIDE_SCREEN = '(min-width: 900px)';

export function App({ addressSearch }: { addressSearch?: AddressSearch }) {
  const t = useTranslate();
  const language = useAppStore((s) => s.language);
  // Tablets and phones start with the map; wide screens with the menu open beside it.
  const [menuOpen, setMenuOpen] = useState(() => window.matchMedia(WIDE_SCREEN).matches);
  // The control room takes the panel's place: map on the left, large numbers on the right.
  const controlRoom = useCrowdMonitorStore((s) => s.controlRoom);
  // The room screen of a meeting: the plan alone beside the map, open on any screen.
  const room = useParticipationStore((s) => s.room && s.planId !== null);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${t('app.title')} – ${t('app.subtitle')}`;
  }, [language, t]);

  return (
    <div className="app utrecht-document">
      <div className="skip-links">
        <SkipLink href="#map">{t('app.skipToMap')}</SkipLink>
        <SkipLink href="#panel">{t('app.skipToPanel')}</SkipLink>
      </div>
      <AppHeader menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((open) => !open)} />
      <main className="app-main">
        <Globe />
        <LayerBindings scenarioGroups={scenarioGroups} />
        <FeaturePopup />
        <nav
          id="panel"
          className={room ? 'side-panel side-panel--room' : 'side-panel'}
          hidden={(!menuOpen && !room) || controlRoom}
          aria-label={t('app.menu')}
        >
          {room ? (
            <ParticipationPanel />
          ) : (
            <>
              <SearchBox {...(addressSearch ? { addressSearch } : {})} />
              <ViewpointList />
              <ParticipationPanel />
              <LayerPanel />
              <CrowdMonitorPanel />
              <ScenarioPanel />
              <AddLayer />
              <TimeControl />
              <DataPanel />
              <DataCatalog />
              <SharePanel />
            </>
          )}
        </nav>
        <ControlRoom />
        <BuildingInfo />
        <StatusBar />
        <AttributionBar />
      </main>
    </div>
  );
}
