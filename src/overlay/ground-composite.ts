import { Matrix4, PostProcessStage, type Scene } from 'cesium';
import { createCanvasTexture, type CesiumTexture } from './cesium-internals.ts';

/**
 * Occlusion for ground layers, inside Cesium's own frame.
 *
 * deck.gl draws the ground layers into a hidden canvas with the same camera; this post-process
 * stage blends that canvas into Cesium's image only where Cesium's depth says the visible surface
 * *is the ground*: it rebuilds each pixel's position from the scene depth, takes it to the
 * overlay's ENU frame and checks its height above the ellipsoid (our ground). Where a building
 * stands in front, the visible surface is a wall or roof, above the ground: the layer stays hidden.
 * Cost per frame: one deck redraw + one canvas→texture upload + one full-screen pass.
 */
const FRAGMENT_SHADER = /* glsl */ `
uniform sampler2D colorTexture;
uniform sampler2D depthTexture;
uniform sampler2D deckTexture;
uniform mat4 eyeToEnu;
uniform float toleranceBase;
uniform float toleranceSlope;
in vec2 v_textureCoordinates;

void main() {
  vec4 color = texture(colorTexture, v_textureCoordinates);
  vec4 deck = texture(deckTexture, v_textureCoordinates); // premultiplied alpha
  float depth = texture(depthTexture, v_textureCoordinates).r;
  if (deck.a < 0.002 || depth >= 1.0) { // nothing drawn here, or sky
    out_FragColor = color;
    return;
  }
  vec4 eye = czm_windowToEyeCoordinates(gl_FragCoord.xy, depth);
  eye /= eye.w;
  vec3 enu = (eyeToEnu * vec4(eye.xyz, 1.0)).xyz;
  // Height above the ellipsoid near the origin: ENU up plus the drop of the curved surface.
  float height = enu.z + dot(enu.xy, enu.xy) / (2.0 * 6378137.0);
  // Depth precision and globe tessellation grow with distance; so does the tolerance.
  float tolerance = toleranceBase + toleranceSlope * length(eye.xyz);
  float visible = 1.0 - smoothstep(tolerance, 2.0 * tolerance, height);
  out_FragColor = vec4(color.rgb * (1.0 - deck.a * visible) + deck.rgb * visible, color.a);
}
`;

export class GroundComposite {
  readonly stage: PostProcessStage;
  private texture: CesiumTexture | undefined;
  private readonly eyeToEnu = new Matrix4();

  constructor(private readonly scene: Scene) {
    this.stage = new PostProcessStage({
      name: 'tweeling-ground-overlay',
      fragmentShader: FRAGMENT_SHADER,
      uniforms: {
        deckTexture: () => this.texture ?? this.ensureTexture(1, 1),
        eyeToEnu: () => this.eyeToEnu,
        toleranceBase: 0.35,
        toleranceSlope: 0.0015,
      },
    });
    this.stage.enabled = false;
    scene.postProcessStages.add(this.stage);
  }

  /** Call in `preRender` after deck drew the canvas for this very frame. */
  update(canvas: HTMLCanvasElement, enuView: ArrayLike<number>): void {
    if (canvas.width === 0 || canvas.height === 0) return;
    this.ensureTexture(canvas.width, canvas.height).copyFrom({ source: canvas });
    invertRigid(enuView, this.eyeToEnu);
  }

  set enabled(on: boolean) {
    this.stage.enabled = on;
  }

  destroy(): void {
    if (!this.scene.isDestroyed() && this.scene.postProcessStages.contains(this.stage)) {
      this.scene.postProcessStages.remove(this.stage); // also destroys the stage
    }
    if (this.texture && !this.texture.isDestroyed()) this.texture.destroy();
    this.texture = undefined;
  }

  private ensureTexture(width: number, height: number): CesiumTexture {
    if (!this.texture || this.texture.width !== width || this.texture.height !== height) {
      if (this.texture && !this.texture.isDestroyed()) this.texture.destroy();
      this.texture = createCanvasTexture(this.scene, width, height);
    }
    return this.texture;
  }
}

/** Inverse of a rigid view matrix [R | t] → [Rᵀ | −Rᵀt], in float64 (Cesium rounds to float32 on upload). */
function invertRigid(m: ArrayLike<number>, result: Matrix4): void {
  const r = (row: number, col: number) => m[col * 4 + row]!;
  const t = [m[12]!, m[13]!, m[14]!];
  const out = new Array<number>(16).fill(0);
  for (let row = 0; row < 3; row++) {
    for (let col = 0; col < 3; col++) out[col * 4 + row] = r(col, row);
    out[12 + row] = -(r(0, row) * t[0]! + r(1, row) * t[1]! + r(2, row) * t[2]!);
  }
  out[15] = 1;
  Matrix4.fromColumnMajorArray(out, result);
}
