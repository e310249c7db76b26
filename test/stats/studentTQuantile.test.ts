import { describe, expect, it } from 'vitest';
import { studentTCritical } from '../../src/stats/studentTQuantile.js';
import { expectRelClose } from './close.js';

// References: R `qt(0.975, df)` for whole df (published tables agree to the digits shown:
// 12.706, 2.571, 2.228, 2.042), and for df = 5.520787746170677 (a Welch df) and a check of the
// whole-df ones, an independent computation: Simpson integration of the t density with
// 10^5 panels and bisection, not the incomplete beta this module inverts:
//   c = exp(lgamma((df+1)/2) - lgamma(df/2)) / sqrt(df*pi); f = c*(1+x*x/df)**(-(df+1)/2)
//   upper(t) = 0.5 - simpson(f, 0, t); bisect upper(t) = 0.025 on [0, 50]
//   → df 6: 2.4469118511448835, df 5.520787746170677: 2.499331092946817, df 120: 1.9799304050824573
describe('studentTCritical', () => {
  it('matches R qt(0.975, df) for whole df', () => {
    expectRelClose(studentTCritical(0.05, 1), 12.706204736174707, 1e-11);
    expectRelClose(studentTCritical(0.05, 5), 2.570581835636314, 1e-12);
    expectRelClose(studentTCritical(0.05, 6), 2.446911851144969, 1e-12);
    expectRelClose(studentTCritical(0.05, 10), 2.228138851986274, 1e-12);
    expectRelClose(studentTCritical(0.05, 30), 2.042272456301238, 1e-12);
  });

  it('matches the Simpson-integration reference for fractional and large df', () => {
    expectRelClose(studentTCritical(0.05, 5.520787746170677), 2.499331092946817, 1e-11);
    expectRelClose(studentTCritical(0.05, 120), 1.9799304050824573, 1e-11);
  });

  it('gives the normal quantile at infinite df and NaN outside the domain', () => {
    expectRelClose(studentTCritical(0.05, Infinity), 1.959963984540054, 1e-12);
    expect(studentTCritical(0.05, 0)).toBeNaN();
    expect(studentTCritical(0, 5)).toBeNaN();
    expect(studentTCritical(1, 5)).toBeNaN();
  });
});
