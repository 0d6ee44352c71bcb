import { useEffect } from 'react';
import { useCesium } from 'resium';
import { registerOverlayPicker } from './overlay-picking.ts';
import { OverlayRenderer } from './overlay-renderer.ts';
import { useOverlayStore } from './overlay-store.ts';
import type { OverlayLayerGroup } from './overlay-types.ts';

/**
 * deck.gl on the 3D city: a child of the resium Viewer. Creates the overlay once per scene (the
 * cleanup removes it again, so React StrictMode's double effects leave one pair of canvases),
 * feeds it the layers from the overlay store, hands clicks over to it and shows hover info.
 */
export function DeckOverlay() {
  const { scene } = useCesium();

  useEffect(() => {
    if (!scene) return;
    const renderer = new OverlayRenderer(scene);
    // Stays empty outside the e2e build: only the test hooks place layers of their own.
    let testGroups: OverlayLayerGroup[] = [];
    const push = () => renderer.setGroups([...useOverlayStore.getState().groups, ...testGroups]);
    push();
    const unsubscribe = useOverlayStore.subscribe((s, prev) => s.groups !== prev.groups && push());
    registerOverlayPicker((x, y) => renderer.pick(x, y)?.info ?? null);
    const stopHover = trackHover(scene.canvas, renderer);
    let removed = false;
    let removeHooks = () => {};
    if (__TEST_HOOKS__) {
      void import('../testing/overlay-test-hooks.ts').then(({ installOverlayTestHooks }) => {
        if (removed) return;
        removeHooks = installOverlayTestHooks(scene, renderer, (groups) => {
          testGroups = groups;
          push();
        });
      });
    }
    return () => {
      removed = true;
      unsubscribe();
      registerOverlayPicker(null);
      stopHover();
      removeHooks();
      renderer.destroy();
      useOverlayStore.getState().setHovered(null);
    };
  }, [scene]);

  return null;
}

/**
 * Hover info: picks at most once per animation frame, and not while a button is down (the user is
 * moving the camera then). Events come from Cesium's canvas: the overlay never takes the pointer.
 */
function trackHover(canvas: HTMLCanvasElement, renderer: OverlayRenderer): () => void {
  let pending: { x: number; y: number } | null = null;
  let frame = 0;
  const run = () => {
    frame = 0;
    if (!pending) return;
    const { x, y } = pending;
    pending = null;
    const hit = renderer.pick(x, y);
    useOverlayStore.getState().setHovered(hit ? { info: hit.info, x, y } : null);
    canvas.style.cursor = hit ? 'pointer' : '';
  };
  const onMove = (event: PointerEvent) => {
    if (event.buttons !== 0 || event.pointerType === 'touch') return;
    const rect = canvas.getBoundingClientRect();
    pending = { x: event.clientX - rect.left, y: event.clientY - rect.top };
    if (!frame) frame = requestAnimationFrame(run);
  };
  const onLeave = () => {
    pending = null;
    useOverlayStore.getState().setHovered(null);
  };
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerleave', onLeave);
  return () => {
    if (frame) cancelAnimationFrame(frame);
    canvas.removeEventListener('pointermove', onMove);
    canvas.removeEventListener('pointerleave', onLeave);
  };
}
