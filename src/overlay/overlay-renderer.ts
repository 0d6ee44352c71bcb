import { Deck, type Layer, type PickingInfo, type ViewStateMap } from '@deck.gl/core';
import { Cartesian2, Cesium3DTileFeature, type Scene } from 'cesium';
import { BridgeView } from './bridge-view.ts';
import { bridgeViewState, type BridgeViewState } from './camera-bridge.ts';
import { snapshotCamera } from './cesium-camera.ts';
import { OVERLAY_FRAME } from './frame.ts';
import { GroundComposite } from './ground-composite.ts';
import type { FeatureInfo, OcclusionMode, OverlayLayerGroup } from './overlay-types.ts';

/** Accumulated per-frame costs (ms), for the benchmark and the test hooks. */
export interface OverlayTimings {
  frames: number;
  /** Camera → view state, both decks' setProps. */
  bridgeMs: number;
  /** Ground deck redraw + canvas→texture upload (0 when no ground layer is on). */
  groundMs: number;
  /** Top (no-occlusion) deck redraw. */
  overlayMs: number;
}

export interface OverlayPick {
  info: FeatureInfo;
  occlusion: OcclusionMode;
  layerId: string;
}

const ENU_TO_ECEF = OVERLAY_FRAME.matrix();

/**
 * Two deck.gl instances over/inside one Cesium scene, kept on Cesium's camera frame by frame:
 * - the *top* deck draws `none` layers on a transparent canvas over Cesium's (cheap path);
 * - the *ground* deck draws `ground` layers on a hidden canvas that `GroundComposite`
 *   blends into Cesium's image where no building is in front.
 * Both are drawn from Cesium's own render events, so they never lag the globe by a frame.
 */
export class OverlayRenderer {
  readonly topCanvas: HTMLCanvasElement;
  readonly groundCanvas: HTMLCanvasElement;
  private readonly topDeck: Deck<BridgeView[]>;
  private readonly groundDeck: Deck<BridgeView[]>;
  private readonly composite: GroundComposite;
  private readonly removers: (() => void)[] = [];
  private groups: OverlayLayerGroup[] = [];
  private hasGround = false;
  private viewState: BridgeViewState | null = null;
  private inFrame = false;
  private destroyed = false;
  timings: OverlayTimings = { frames: 0, bridgeMs: 0, groundMs: 0, overlayMs: 0 };

  constructor(private readonly scene: Scene) {
    const host = scene.canvas.parentElement!;
    this.groundCanvas = createCanvas(host, 'tweeling-overlay-ground', true);
    this.topCanvas = createCanvas(host, 'tweeling-overlay-top', false);
    this.topDeck = this.createDeck(this.topCanvas);
    this.groundDeck = this.createDeck(this.groundCanvas);
    this.composite = new GroundComposite(scene);
    this.removers.push(
      scene.preRender.addEventListener(() => this.beforeCesiumFrame()),
      scene.postRender.addEventListener(() => this.afterCesiumFrame()),
    );
  }

  setGroups(groups: OverlayLayerGroup[]): void {
    this.groups = groups;
    const layersFor = (modes: OcclusionMode[]) =>
      groups.filter((g) => modes.includes(g.occlusion)).flatMap((g) => g.layers);
    const ground = layersFor(['ground']);
    this.hasGround = ground.length > 0;
    this.topDeck.setProps({ layers: layersFor(['none']) });
    this.groundDeck.setProps({ layers: ground });
    this.requestRender();
  }

  /** Both decks have a device and can draw. */
  get ready(): boolean {
    return this.topDeck.isInitialized && this.groundDeck.isInitialized;
  }

  /** The latest view state (for tests and picking). */
  get currentViewState(): BridgeViewState | null {
    return this.viewState;
  }

  /** deck.gl's own projection of ENU metres to CSS px in the map, with the viewport deck draws with. */
  project(enu: [number, number, number]): [number, number] | null {
    const viewport = this.topDeck.isInitialized ? this.topDeck.getViewports()[0] : undefined;
    if (!viewport) return null;
    const [x, y] = viewport.project(enu);
    return [x!, y!];
  }

  /**
   * The data feature at (x, y), CSS px in the map. Top layers first; a ground feature counts only
   * where the ground is what one sees (no building in front), as in the picture.
   */
  pick(x: number, y: number, radius = 3): OverlayPick | null {
    const top = this.pickIn(this.topDeck, x, y, radius);
    if (top) return top;
    if (!this.hasGround) return null;
    const ground = this.pickIn(this.groundDeck, x, y, radius);
    if (!ground) return null;
    const picked: unknown = this.scene.pick(new Cartesian2(x, y));
    return picked instanceof Cesium3DTileFeature ? null : ground;
  }

  resetTimings(): void {
    this.timings = { frames: 0, bridgeMs: 0, groundMs: 0, overlayMs: 0 };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.removers.forEach((remove) => remove());
    this.topDeck.finalize();
    this.groundDeck.finalize();
    this.composite.destroy();
    this.topCanvas.remove();
    this.groundCanvas.remove();
  }

  private createDeck(canvas: HTMLCanvasElement): Deck<BridgeView[]> {
    return new Deck<BridgeView[]>({
      canvas,
      controller: false,
      views: [new BridgeView({ id: 'cesium' })],
      layers: [],
      // Deck's own loop only redraws when its state changed (e.g. a layer finished loading);
      // ask Cesium for a frame then, so the ground canvas gets composited again.
      onAfterRender: () => {
        if (!this.inFrame) this.requestRender();
      },
      onLoad: () => this.requestRender(),
      onError: (error) => console.warn('deck.gl overlay:', error),
    });
  }

  private beforeCesiumFrame(): void {
    const started = performance.now();
    const camera = snapshotCamera(this.scene);
    if (!camera) return;
    this.viewState = bridgeViewState(camera, ENU_TO_ECEF);
    // Deck types view states as transition props only; the base Viewport reads our matrices from it.
    const viewState = { cesium: this.viewState } as unknown as ViewStateMap<BridgeView[]>;
    this.topDeck.setProps({ viewState });
    this.groundDeck.setProps({ viewState });
    const bridged = performance.now();
    this.composite.enabled = this.hasGround && this.groundDeck.isInitialized;
    if (this.hasGround && this.groundDeck.isInitialized) {
      this.inFrame = true;
      this.groundDeck.redraw('cesium frame');
      this.inFrame = false;
      // Same task as the draw: the drawing buffer is still intact for the upload.
      this.composite.update(this.groundCanvas, this.viewState.viewMatrix);
    }
    this.timings.bridgeMs += bridged - started;
    this.timings.groundMs += performance.now() - bridged;
  }

  private afterCesiumFrame(): void {
    if (!this.viewState) return;
    const started = performance.now();
    this.inFrame = true;
    this.topDeck.redraw('cesium frame');
    this.inFrame = false;
    this.timings.overlayMs += performance.now() - started;
    this.timings.frames++;
  }

  private pickIn(deck: Deck<BridgeView[]>, x: number, y: number, radius: number): OverlayPick | null {
    if (!deck.isInitialized) return null;
    const info: PickingInfo | null = deck.pickObject({ x, y, radius });
    if (!info?.layer || info.object === undefined || info.object === null) return null;
    const group = this.groupOf(info.layer);
    const described = group?.describe?.(info.object) ?? null;
    return described && group
      ? { info: described, occlusion: group.occlusion, layerId: info.layer.id }
      : null;
  }

  private groupOf(layer: Layer): OverlayLayerGroup | undefined {
    // Picking may return a sublayer (e.g. a TextLayer's characters): walk up to the top layer.
    let top: Layer = layer;
    while (top.parent) top = top.parent as Layer;
    return this.groups.find((g) => g.layers.includes(top));
  }

  private requestRender(): void {
    if (!this.destroyed && !this.scene.isDestroyed()) this.scene.requestRender();
  }
}

function createCanvas(host: HTMLElement, className: string, hidden: boolean): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.className = className;
  // Over Cesium's canvas, same size; never takes the pointer, so camera navigation is untouched.
  canvas.style.cssText = `position:absolute;inset:0;width:100%;height:100%;pointer-events:none;${
    hidden ? 'visibility:hidden;' : ''
  }`;
  canvas.setAttribute('aria-hidden', 'true');
  host.appendChild(canvas);
  return canvas;
}
