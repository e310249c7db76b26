;; The bootstrap's inner loop (resampleMeans.ts) in WebAssembly with 128-bit SIMD. Four
;; resamples run side by side, one to a lane: each turn draws the next index of all four in
;; one vector and adds each value to its own resample's sum, in two f64x2 sums. Every lane
;; adds its resample's values one after another in draw order, so every mean is the
;; JavaScript loop's to the bit; the four sums are four independent chains of additions where
;; one resample at a time waited on each addition. The last count mod 4 resamples are drawn
;; one at a time, four draws to a vector.
;;
;; The four-lane loop works in runs of 256 draws: it writes the runs' offsets first, then
;; reads and adds the values. The second loop is a few instructions a draw, so the processor
;; has many more of its loads under way at once when the sample does not fit in the cache:
;; 2.4 -> 1.95 ns a draw at 429,000 values, 1.3 -> 1.0 ns at 25,000 (x86-64, Node 20).
;;
;; Memory: the sample's n doubles from byte 0, then the means of `count` resamples from byte
;; `meansAt`, then (from the next multiple of 16) 4,096 bytes of offsets. `state` is the generator's state before the first draw. Edit this file, then run
;; `npm run wasm` to write resampleKernelBytes.ts (a test checks that the two agree).
(module
  (memory (export "memory") 1)
  (func (export "resample") (param $n i32) (param $state i32) (param $count i32) (param $meansAt i32)
    (local $r i32) (local $i i32) (local $t i32) (local $sum f64) (local $scale f64)
    (local $v v128) (local $w v128) (local $lo v128) (local $hi v128) (local $scales v128)
    (local $ab v128) (local $cd v128) (local $ns v128) (local $span i32) (local $m i32) (local $k i32) (local $end i32) (local $scratch i32)
    ;; n * 2^-32 is exact, and (u * scale) truncated is floor(u / 2^32 * n), as in JavaScript.
    (local.set $scale (f64.mul (f64.convert_i32_u (local.get $n)) (f64.const 0x1p-32)))
    (local.set $scales (f64x2.splat (local.get $scale)))
    ;; Four resamples at a time (samples below 2^21 values): lane k holds resample r + k's
    ;; state, n draws (n steps) apart.
    (local.set $span (i32.mul (local.get $n) (i32.const 0x6d2b79f5)))
    (local.set $ns (i32x4.splat (local.get $n)))
    (local.set $scratch (i32.and (i32.add (i32.add (local.get $meansAt) (i32.shl (local.get $count) (i32.const 3))) (i32.const 15)) (i32.const -16)))
    (block $quadsDone (loop $quads
      (br_if $quadsDone (i32.ge_u (local.get $n) (i32.const 0x200000)))
      (br_if $quadsDone (i32.gt_u (i32.add (local.get $r) (i32.const 4)) (local.get $count)))
      (local.set $v (i32x4.replace_lane 1 (i32x4.splat (local.get $state))
        (i32.add (local.get $state) (local.get $span))))
      (local.set $v (i32x4.replace_lane 2 (local.get $v)
        (i32.add (local.get $state) (i32.shl (local.get $span) (i32.const 1)))))
      (local.set $v (i32x4.replace_lane 3 (local.get $v)
        (i32.add (local.get $state) (i32.mul (local.get $span) (i32.const 3)))))
      (local.set $ab (f64x2.splat (f64.const 0)))
      (local.set $cd (f64x2.splat (f64.const 0)))
      (local.set $i (i32.const 0))
      (block $drawsDone (loop $draws
        (br_if $drawsDone (i32.ge_u (local.get $i) (local.get $n)))
        ;; The offsets of the next m <= 256 draws of the four lanes, 16 bytes a draw.
        (local.set $m (i32.sub (local.get $n) (local.get $i)))
        (if (i32.gt_u (local.get $m) (i32.const 256)) (then (local.set $m (i32.const 256))))
        (local.set $k (i32.const 0))
        (block $offDone (loop $offs
          (br_if $offDone (i32.ge_u (local.get $k) (local.get $m)))
          (local.set $v (i32x4.add (local.get $v) (i32x4.splat (i32.const 0x6d2b79f5))))
          (local.set $w (i32x4.mul
            (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 15)))
            (v128.or (local.get $v) (i32x4.splat (i32.const 1)))))
          (local.set $w (v128.xor
            (i32x4.add (local.get $w) (i32x4.mul
              (v128.xor (local.get $w) (i32x4.shr_u (local.get $w) (i32.const 7)))
              (v128.or (local.get $w) (i32x4.splat (i32.const 61)))))
            (local.get $w)))
          (local.set $w (v128.xor (local.get $w) (i32x4.shr_u (local.get $w) (i32.const 14))))
          (local.set $lo (i64x2.extmul_low_i32x4_u (local.get $w) (local.get $ns)))
          (local.set $hi (i64x2.extmul_high_i32x4_u (local.get $w) (local.get $ns)))
          (v128.store (i32.add (local.get $scratch) (i32.shl (local.get $k) (i32.const 4)))
            (i32x4.shl
              (i8x16.shuffle 4 5 6 7 12 13 14 15 20 21 22 23 28 29 30 31 (local.get $lo) (local.get $hi))
              (i32.const 3)))
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $offs)))
        ;; Their values, added to each lane's sum in draw order.
        (local.set $k (local.get $scratch))
        (local.set $end (i32.add (local.get $scratch) (i32.shl (local.get $m) (i32.const 4))))
        (block $sumDone (loop $sums
          (br_if $sumDone (i32.ge_u (local.get $k) (local.get $end)))
          (local.set $ab (f64x2.add (local.get $ab)
            (v128.load64_lane 1 (i32.load offset=4 (local.get $k))
              (v128.load64_zero (i32.load (local.get $k))))))
          (local.set $cd (f64x2.add (local.get $cd)
            (v128.load64_lane 1 (i32.load offset=12 (local.get $k))
              (v128.load64_zero (i32.load offset=8 (local.get $k))))))
          (local.set $k (i32.add (local.get $k) (i32.const 16)))
          (br $sums)))
        (local.set $i (i32.add (local.get $i) (local.get $m)))
        (br $draws)))
      (local.set $lo (f64x2.splat (f64.convert_i32_u (local.get $n))))
      (v128.store (i32.add (local.get $meansAt) (i32.shl (local.get $r) (i32.const 3)))
        (f64x2.div (local.get $ab) (local.get $lo)))
      (v128.store (i32.add (local.get $meansAt) (i32.shl (i32.add (local.get $r) (i32.const 2)) (i32.const 3)))
        (f64x2.div (local.get $cd) (local.get $lo)))
      (local.set $state (i32.add (local.get $state) (i32.shl (local.get $span) (i32.const 2))))
      (local.set $r (i32.add (local.get $r) (i32.const 4)))
      (br $quads)))
    (block $resamplesDone (loop $resamples
      (br_if $resamplesDone (i32.ge_u (local.get $r) (local.get $count)))
      (local.set $sum (f64.const 0))
      (local.set $i (i32.const 0))
      ;; The states of the next four draws: state + 1, 2, 3 and 4 steps (0x6d2b79f5 each).
      (local.set $v (i32x4.add (i32x4.splat (local.get $state))
        (v128.const i32x4 0x6d2b79f5 0xda56f3ea 0x47826ddf 0xb4ade7d4)))
      (block $foursDone (loop $fours
        (br_if $foursDone (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
        ;; mulberry32's output of each state.
        (local.set $w (i32x4.mul
          (v128.xor (local.get $v) (i32x4.shr_u (local.get $v) (i32.const 15)))
          (v128.or (local.get $v) (i32x4.splat (i32.const 1)))))
        (local.set $w (v128.xor
          (i32x4.add (local.get $w) (i32x4.mul
            (v128.xor (local.get $w) (i32x4.shr_u (local.get $w) (i32.const 7)))
            (v128.or (local.get $w) (i32x4.splat (i32.const 61)))))
          (local.get $w)))
        (local.set $w (v128.xor (local.get $w) (i32x4.shr_u (local.get $w) (i32.const 14))))
        ;; Indices of draws 1-2 (lo) and 3-4 (hi): unsigned output times scale, truncated.
        (local.set $lo (i32x4.trunc_sat_f64x2_u_zero
          (f64x2.mul (f64x2.convert_low_i32x4_u (local.get $w)) (local.get $scales))))
        (local.set $hi (i32x4.trunc_sat_f64x2_u_zero
          (f64x2.mul (f64x2.convert_low_i32x4_u
            (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $w) (local.get $w)))
            (local.get $scales))))
        (local.set $sum (f64.add (local.get $sum)
          (f64.load (i32.shl (i32x4.extract_lane 0 (local.get $lo)) (i32.const 3)))))
        (local.set $sum (f64.add (local.get $sum)
          (f64.load (i32.shl (i32x4.extract_lane 1 (local.get $lo)) (i32.const 3)))))
        (local.set $sum (f64.add (local.get $sum)
          (f64.load (i32.shl (i32x4.extract_lane 0 (local.get $hi)) (i32.const 3)))))
        (local.set $sum (f64.add (local.get $sum)
          (f64.load (i32.shl (i32x4.extract_lane 1 (local.get $hi)) (i32.const 3)))))
        (local.set $v (i32x4.add (local.get $v) (i32x4.splat (i32.const 0xb4ade7d4))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $fours)))
      (local.set $state (i32.add (local.get $state) (i32.mul (local.get $i) (i32.const 0x6d2b79f5))))
      ;; The last n mod 4 draws, one at a time.
      (block $restDone (loop $rest
        (br_if $restDone (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $state (i32.add (local.get $state) (i32.const 0x6d2b79f5)))
        (local.set $t (i32.mul
          (i32.xor (local.get $state) (i32.shr_u (local.get $state) (i32.const 15)))
          (i32.or (local.get $state) (i32.const 1))))
        (local.set $t (i32.xor
          (i32.add (local.get $t) (i32.mul
            (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 7)))
            (i32.or (local.get $t) (i32.const 61))))
          (local.get $t)))
        (local.set $t (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 14))))
        (local.set $sum (f64.add (local.get $sum) (f64.load (i32.shl
          (i32.trunc_f64_u (f64.mul (f64.convert_i32_u (local.get $t)) (local.get $scale)))
          (i32.const 3)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rest)))
      (f64.store (i32.add (local.get $meansAt) (i32.shl (local.get $r) (i32.const 3)))
        (f64.div (local.get $sum) (f64.convert_i32_u (local.get $n))))
      (local.set $r (i32.add (local.get $r) (i32.const 1)))
      (br $resamples)))))
