/**
 * How every text label on the map looks: a system font with a white halo (SDF), so names stay
 * readable over buildings, aerial photos and coloured data alike. Spread into a TextLayer's props.
 */
export const LABEL_STYLE = {
  fontFamily: 'system-ui, "DejaVu Sans", sans-serif',
  fontWeight: 600,
  outlineWidth: 3,
  outlineColor: [255, 255, 255, 230],
  fontSettings: { sdf: true },
} as const;
