/** The few 4×4 column-major float64 matrix operations the camera bridge needs (no float32 rounding). */
export type Mat4 = number[];

export function multiply(a: ArrayLike<number>, b: ArrayLike<number>): Mat4 {
  const out = new Array<number>(16);
  for (let col = 0; col < 4; col++) {
    for (let row = 0; row < 4; row++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += a[k * 4 + row]! * b[col * 4 + k]!;
      out[col * 4 + row] = sum;
    }
  }
  return out;
}

/** OpenGL-style perspective projection (clip z in −1…1), as deck.gl and Cesium use. */
export function perspective(fovy: number, aspect: number, near: number, far: number): Mat4 {
  const f = 1 / Math.tan(fovy / 2);
  const nf = 1 / (near - far);
  return [f / aspect, 0, 0, 0, 0, f, 0, 0, 0, 0, (far + near) * nf, -1, 0, 0, 2 * far * near * nf, 0];
}

/** Applies a matrix to a point (w = 1) and returns x, y, z, w. */
export function transformPoint(
  m: ArrayLike<number>,
  [x, y, z]: readonly number[],
): [number, number, number, number] {
  const out: [number, number, number, number] = [0, 0, 0, 0];
  for (let row = 0; row < 4; row++) {
    out[row] = m[row]! * x! + m[4 + row]! * y! + m[8 + row]! * z! + m[12 + row]!;
  }
  return out;
}
