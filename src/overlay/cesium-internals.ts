import * as Cesium from 'cesium';

/**
 * The two Cesium internals the ground composite needs, typed and kept in one place:
 * the scene's WebGL context and the `Texture` class (both exported by the engine but left out of
 * the public TypeScript declarations). A `Texture` is what a post-process uniform can sample
 * without Cesium re-creating it every frame, which a canvas-valued uniform would do a frame late.
 */
export interface CesiumTexture {
  readonly width: number;
  readonly height: number;
  copyFrom(options: { source: HTMLCanvasElement }): void;
  destroy(): void;
  isDestroyed(): boolean;
}

interface TextureConstructor {
  new (options: {
    context: unknown;
    width: number;
    height: number;
    preMultiplyAlpha?: boolean;
    flipY?: boolean;
  }): CesiumTexture;
}

export function createCanvasTexture(scene: Cesium.Scene, width: number, height: number): CesiumTexture {
  const Texture = (Cesium as unknown as { Texture: TextureConstructor }).Texture;
  const context = (scene as unknown as { context: unknown }).context;
  // deck.gl draws premultiplied alpha; keep it so (no un-/re-multiplying on upload). flipY puts
  // the canvas's top row at t = 1, matching the post-process texture coordinates.
  return new Texture({ context, width, height, preMultiplyAlpha: true, flipY: true });
}
