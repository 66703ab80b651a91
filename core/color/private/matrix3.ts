/** A 3×3 matrix, row-major: `[m00, m01, m02, m10, m11, m12, m20, m21, m22]`. A tuple, so every index is a `number`. */
export type Matrix3 = readonly [number, number, number, number, number, number, number, number, number];

/** `a × b`, for deriving combined conversion matrices once at load time (never in a loop). */
export function multiplyMatrix3(a: Matrix3, b: Matrix3): Matrix3 {
  const [a00, a01, a02, a10, a11, a12, a20, a21, a22] = a;
  const [b00, b01, b02, b10, b11, b12, b20, b21, b22] = b;
  return [
    a00 * b00 + a01 * b10 + a02 * b20,
    a00 * b01 + a01 * b11 + a02 * b21,
    a00 * b02 + a01 * b12 + a02 * b22,
    a10 * b00 + a11 * b10 + a12 * b20,
    a10 * b01 + a11 * b11 + a12 * b21,
    a10 * b02 + a11 * b12 + a12 * b22,
    a20 * b00 + a21 * b10 + a22 * b20,
    a20 * b01 + a21 * b11 + a22 * b21,
    a20 * b02 + a21 * b12 + a22 * b22,
  ];
}
