// CIE 15:2004 defines the L*a*b* breakpoint and slope as exact fractions; the older rounded
// 0.008856 and 903.3 leave a small jump where the cube root meets the straight line.
// See Bruce Lindbloom, "A Continuity Study of the CIE L* Function":
// http://www.brucelindbloom.com/index.html?LContinuity.html

/** ε = (6/29)³ = 216/24389: below this relative luminance, L* is linear in Y. */
export const CIE_EPSILON = 216 / 24389;

/** κ = (29/3)³ = 24389/27: the slope of that linear segment (L* per unit of relative Y). */
export const CIE_KAPPA = 24389 / 27;
