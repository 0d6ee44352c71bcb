import { useTranslate } from './use-translate.ts';
import { useOverlayStore, type PointedFeature } from '../overlay/overlay-store.ts';

/**
 * Info on data features: a small tooltip while hovering, and a panel that stays after a click
 * (closed with its button or Escape). Positioned at the pointer, inside the map area.
 */
export function FeaturePopup() {
  const t = useTranslate();
  const hovered = useOverlayStore((s) => s.hovered);
  const clicked = useOverlayStore((s) => s.clicked);
  const close = () => useOverlayStore.getState().setClicked(null);

  return (
    <>
      {hovered && !sameSpot(hovered, clicked) && (
        <div
          className="feature-tooltip"
          role="tooltip"
          style={placement(hovered)}
          data-testid="feature-tooltip"
        >
          <strong>{hovered.info.title}</strong>
          {hovered.info.rows.slice(0, 1).map((row) => (
            <span key={row.label}>
              {' '}
              · {row.label}: {row.value}
            </span>
          ))}
        </div>
      )}
      {clicked && (
        <section
          className="feature-info"
          style={placement(clicked)}
          aria-label={t('feature.heading')}
          data-testid="feature-info"
          onKeyDown={(event) => event.key === 'Escape' && close()}
        >
          <div className="feature-info__header">
            <strong>{clicked.info.title}</strong>
            <button
              type="button"
              className="feature-info__close"
              onClick={close}
              aria-label={t('feature.close')}
            >
              ×
            </button>
          </div>
          {clicked.info.rows.length > 0 && (
            <dl>
              {clicked.info.rows.map((row) => (
                <div key={row.label} data-row={row.label}>
                  <dt>{row.label}</dt>
                  <dd>{row.value}</dd>
                </div>
              ))}
            </dl>
          )}
          {clicked.info.actions && clicked.info.actions.length > 0 && (
            <div className="feature-info__actions">
              {clicked.info.actions.map((action) => (
                <button
                  key={action.label}
                  type="button"
                  className="utrecht-button utrecht-button--secondary-action"
                  onClick={() => {
                    action.run();
                    close();
                  }}
                >
                  {action.label}
                </button>
              ))}
            </div>
          )}
        </section>
      )}
    </>
  );
}

/** Beside the pointer, but kept on screen: near the right or bottom edge it opens to the other side. */
function placement({ x, y }: PointedFeature) {
  const left =
    x + 12 + POPUP_ROOM.width > window.innerWidth ? Math.max(0, x - 12 - POPUP_ROOM.width) : x + 12;
  const top =
    y + 12 + POPUP_ROOM.height > window.innerHeight ? Math.max(0, y - 12 - POPUP_ROOM.height) : y + 12;
  return { left: `${Math.round(left)}px`, top: `${Math.round(top)}px` };
}

/** About the largest popup (title, a few rows, action buttons), in CSS pixels. */
const POPUP_ROOM = { width: 300, height: 260 };

function sameSpot(a: PointedFeature, b: PointedFeature | null): boolean {
  return b !== null && a.info.title === b.info.title && Math.hypot(a.x - b.x, a.y - b.y) < 30;
}
