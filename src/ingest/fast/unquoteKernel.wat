;; The common case of unquoteCells (plainFile.ts) in WebAssembly with 128-bit SIMD: every
;; quoted cell quoted whole and holding no delimiter, line end or quote of its own (as
;; spreadsheets write most files). Each 16 bytes are compared with the quote, the line feed,
;; the carriage return and the delimiter at once; which bytes are inside quotes is the parity
;; of the quotes before them (a prefix XOR of the quote bits), so a block's checks are a few
;; operations on 16-bit masks, and its bytes but the quotes are moved down with two shuffles
;; of 8 bytes each. Anything else (a quote in mid-cell, a delimiter or "" inside quotes, a
;; quoted line break) returns -1 at once, and the JavaScript loop reads the bytes, which
;; this never changed: it alone decides on them. unquoter.ts holds the two together.
;;
;; Memory: from 0, 256 shuffles of 8 bytes (the places of the set bits of each byte value,
;; then 0x80, which a shuffle reads as 0); from DATA (4096) the bytes from the first quote
;; on, then 16 bytes the caller zeroes (the last vector reads past the end; what it reads
;; there is masked off, and what it writes there is past the result).
;; Edit this file, then run `npm run wasm` (a test checks the kept bytes are this file's).
(module
  (memory (export "memory") 1)
  (data (i32.const 0)
    "\80\80\80\80\80\80\80\80\00\80\80\80\80\80\80\80\01\80\80\80\80\80\80\80\00\01\80\80\80\80\80\80\02\80\80\80\80\80\80\80\00\02\80\80\80\80\80\80\01\02\80\80\80\80\80\80\00\01\02\80\80\80\80\80"
    "\03\80\80\80\80\80\80\80\00\03\80\80\80\80\80\80\01\03\80\80\80\80\80\80\00\01\03\80\80\80\80\80\02\03\80\80\80\80\80\80\00\02\03\80\80\80\80\80\01\02\03\80\80\80\80\80\00\01\02\03\80\80\80\80"
    "\04\80\80\80\80\80\80\80\00\04\80\80\80\80\80\80\01\04\80\80\80\80\80\80\00\01\04\80\80\80\80\80\02\04\80\80\80\80\80\80\00\02\04\80\80\80\80\80\01\02\04\80\80\80\80\80\00\01\02\04\80\80\80\80"
    "\03\04\80\80\80\80\80\80\00\03\04\80\80\80\80\80\01\03\04\80\80\80\80\80\00\01\03\04\80\80\80\80\02\03\04\80\80\80\80\80\00\02\03\04\80\80\80\80\01\02\03\04\80\80\80\80\00\01\02\03\04\80\80\80"
    "\05\80\80\80\80\80\80\80\00\05\80\80\80\80\80\80\01\05\80\80\80\80\80\80\00\01\05\80\80\80\80\80\02\05\80\80\80\80\80\80\00\02\05\80\80\80\80\80\01\02\05\80\80\80\80\80\00\01\02\05\80\80\80\80"
    "\03\05\80\80\80\80\80\80\00\03\05\80\80\80\80\80\01\03\05\80\80\80\80\80\00\01\03\05\80\80\80\80\02\03\05\80\80\80\80\80\00\02\03\05\80\80\80\80\01\02\03\05\80\80\80\80\00\01\02\03\05\80\80\80"
    "\04\05\80\80\80\80\80\80\00\04\05\80\80\80\80\80\01\04\05\80\80\80\80\80\00\01\04\05\80\80\80\80\02\04\05\80\80\80\80\80\00\02\04\05\80\80\80\80\01\02\04\05\80\80\80\80\00\01\02\04\05\80\80\80"
    "\03\04\05\80\80\80\80\80\00\03\04\05\80\80\80\80\01\03\04\05\80\80\80\80\00\01\03\04\05\80\80\80\02\03\04\05\80\80\80\80\00\02\03\04\05\80\80\80\01\02\03\04\05\80\80\80\00\01\02\03\04\05\80\80"
    "\06\80\80\80\80\80\80\80\00\06\80\80\80\80\80\80\01\06\80\80\80\80\80\80\00\01\06\80\80\80\80\80\02\06\80\80\80\80\80\80\00\02\06\80\80\80\80\80\01\02\06\80\80\80\80\80\00\01\02\06\80\80\80\80"
    "\03\06\80\80\80\80\80\80\00\03\06\80\80\80\80\80\01\03\06\80\80\80\80\80\00\01\03\06\80\80\80\80\02\03\06\80\80\80\80\80\00\02\03\06\80\80\80\80\01\02\03\06\80\80\80\80\00\01\02\03\06\80\80\80"
    "\04\06\80\80\80\80\80\80\00\04\06\80\80\80\80\80\01\04\06\80\80\80\80\80\00\01\04\06\80\80\80\80\02\04\06\80\80\80\80\80\00\02\04\06\80\80\80\80\01\02\04\06\80\80\80\80\00\01\02\04\06\80\80\80"
    "\03\04\06\80\80\80\80\80\00\03\04\06\80\80\80\80\01\03\04\06\80\80\80\80\00\01\03\04\06\80\80\80\02\03\04\06\80\80\80\80\00\02\03\04\06\80\80\80\01\02\03\04\06\80\80\80\00\01\02\03\04\06\80\80"
    "\05\06\80\80\80\80\80\80\00\05\06\80\80\80\80\80\01\05\06\80\80\80\80\80\00\01\05\06\80\80\80\80\02\05\06\80\80\80\80\80\00\02\05\06\80\80\80\80\01\02\05\06\80\80\80\80\00\01\02\05\06\80\80\80"
    "\03\05\06\80\80\80\80\80\00\03\05\06\80\80\80\80\01\03\05\06\80\80\80\80\00\01\03\05\06\80\80\80\02\03\05\06\80\80\80\80\00\02\03\05\06\80\80\80\01\02\03\05\06\80\80\80\00\01\02\03\05\06\80\80"
    "\04\05\06\80\80\80\80\80\00\04\05\06\80\80\80\80\01\04\05\06\80\80\80\80\00\01\04\05\06\80\80\80\02\04\05\06\80\80\80\80\00\02\04\05\06\80\80\80\01\02\04\05\06\80\80\80\00\01\02\04\05\06\80\80"
    "\03\04\05\06\80\80\80\80\00\03\04\05\06\80\80\80\01\03\04\05\06\80\80\80\00\01\03\04\05\06\80\80\02\03\04\05\06\80\80\80\00\02\03\04\05\06\80\80\01\02\03\04\05\06\80\80\00\01\02\03\04\05\06\80"
    "\07\80\80\80\80\80\80\80\00\07\80\80\80\80\80\80\01\07\80\80\80\80\80\80\00\01\07\80\80\80\80\80\02\07\80\80\80\80\80\80\00\02\07\80\80\80\80\80\01\02\07\80\80\80\80\80\00\01\02\07\80\80\80\80"
    "\03\07\80\80\80\80\80\80\00\03\07\80\80\80\80\80\01\03\07\80\80\80\80\80\00\01\03\07\80\80\80\80\02\03\07\80\80\80\80\80\00\02\03\07\80\80\80\80\01\02\03\07\80\80\80\80\00\01\02\03\07\80\80\80"
    "\04\07\80\80\80\80\80\80\00\04\07\80\80\80\80\80\01\04\07\80\80\80\80\80\00\01\04\07\80\80\80\80\02\04\07\80\80\80\80\80\00\02\04\07\80\80\80\80\01\02\04\07\80\80\80\80\00\01\02\04\07\80\80\80"
    "\03\04\07\80\80\80\80\80\00\03\04\07\80\80\80\80\01\03\04\07\80\80\80\80\00\01\03\04\07\80\80\80\02\03\04\07\80\80\80\80\00\02\03\04\07\80\80\80\01\02\03\04\07\80\80\80\00\01\02\03\04\07\80\80"
    "\05\07\80\80\80\80\80\80\00\05\07\80\80\80\80\80\01\05\07\80\80\80\80\80\00\01\05\07\80\80\80\80\02\05\07\80\80\80\80\80\00\02\05\07\80\80\80\80\01\02\05\07\80\80\80\80\00\01\02\05\07\80\80\80"
    "\03\05\07\80\80\80\80\80\00\03\05\07\80\80\80\80\01\03\05\07\80\80\80\80\00\01\03\05\07\80\80\80\02\03\05\07\80\80\80\80\00\02\03\05\07\80\80\80\01\02\03\05\07\80\80\80\00\01\02\03\05\07\80\80"
    "\04\05\07\80\80\80\80\80\00\04\05\07\80\80\80\80\01\04\05\07\80\80\80\80\00\01\04\05\07\80\80\80\02\04\05\07\80\80\80\80\00\02\04\05\07\80\80\80\01\02\04\05\07\80\80\80\00\01\02\04\05\07\80\80"
    "\03\04\05\07\80\80\80\80\00\03\04\05\07\80\80\80\01\03\04\05\07\80\80\80\00\01\03\04\05\07\80\80\02\03\04\05\07\80\80\80\00\02\03\04\05\07\80\80\01\02\03\04\05\07\80\80\00\01\02\03\04\05\07\80"
    "\06\07\80\80\80\80\80\80\00\06\07\80\80\80\80\80\01\06\07\80\80\80\80\80\00\01\06\07\80\80\80\80\02\06\07\80\80\80\80\80\00\02\06\07\80\80\80\80\01\02\06\07\80\80\80\80\00\01\02\06\07\80\80\80"
    "\03\06\07\80\80\80\80\80\00\03\06\07\80\80\80\80\01\03\06\07\80\80\80\80\00\01\03\06\07\80\80\80\02\03\06\07\80\80\80\80\00\02\03\06\07\80\80\80\01\02\03\06\07\80\80\80\00\01\02\03\06\07\80\80"
    "\04\06\07\80\80\80\80\80\00\04\06\07\80\80\80\80\01\04\06\07\80\80\80\80\00\01\04\06\07\80\80\80\02\04\06\07\80\80\80\80\00\02\04\06\07\80\80\80\01\02\04\06\07\80\80\80\00\01\02\04\06\07\80\80"
    "\03\04\06\07\80\80\80\80\00\03\04\06\07\80\80\80\01\03\04\06\07\80\80\80\00\01\03\04\06\07\80\80\02\03\04\06\07\80\80\80\00\02\03\04\06\07\80\80\01\02\03\04\06\07\80\80\00\01\02\03\04\06\07\80"
    "\05\06\07\80\80\80\80\80\00\05\06\07\80\80\80\80\01\05\06\07\80\80\80\80\00\01\05\06\07\80\80\80\02\05\06\07\80\80\80\80\00\02\05\06\07\80\80\80\01\02\05\06\07\80\80\80\00\01\02\05\06\07\80\80"
    "\03\05\06\07\80\80\80\80\00\03\05\06\07\80\80\80\01\03\05\06\07\80\80\80\00\01\03\05\06\07\80\80\02\03\05\06\07\80\80\80\00\02\03\05\06\07\80\80\01\02\03\05\06\07\80\80\00\01\02\03\05\06\07\80"
    "\04\05\06\07\80\80\80\80\00\04\05\06\07\80\80\80\01\04\05\06\07\80\80\80\00\01\04\05\06\07\80\80\02\04\05\06\07\80\80\80\00\02\04\05\06\07\80\80\01\02\04\05\06\07\80\80\00\01\02\04\05\06\07\80"
    "\03\04\05\06\07\80\80\80\00\03\04\05\06\07\80\80\01\03\04\05\06\07\80\80\00\01\03\04\05\06\07\80\02\03\04\05\06\07\80\80\00\02\03\04\05\06\07\80\01\02\03\04\05\06\07\80\00\01\02\03\04\05\06\07"
  )
  ;; The `len` bytes at DATA unquoted in place: returns their new length, or -1 when they are
  ;; not of the common case. `before` is 1 when the byte before them is a line feed or the
  ;; delimiter (or there is none): a quote may open a cell only there.
  (func (export "unquote") (param $len i32) (param $before i32) (param $delimiter i32) (result i32)
    (local $r i32) (local $w i32) (local $end i32) (local $v v128) (local $n i32)
    (local $valid i32) (local $q i32) (local $b i32) (local $a i32) (local $px i32)
    (local $inside i32) (local $follow i32) (local $keep i32) (local $half i32)
    (local $qs v128) (local $lfs v128) (local $crs v128) (local $ds v128) (local $eights v128)
    (local.set $r (i32.const 4096))
    (local.set $w (i32.const 4096))
    (local.set $end (i32.add (i32.const 4096) (local.get $len)))
    (local.set $qs (i8x16.splat (i32.const 34)))
    (local.set $lfs (i8x16.splat (i32.const 10)))
    (local.set $crs (i8x16.splat (i32.const 13)))
    (local.set $ds (i8x16.splat (local.get $delimiter)))
    (local.set $eights (i8x16.splat (i32.const 8)))
    (block $done (loop $blocks
      (br_if $done (i32.ge_u (local.get $r) (local.get $end)))
      (local.set $v (v128.load (local.get $r)))
      ;; Bytes of this block that are the caller's: 16, or fewer at the end.
      (local.set $n (i32.sub (local.get $end) (local.get $r)))
      (if (i32.gt_u (local.get $n) (i32.const 16)) (then (local.set $n (i32.const 16))))
      (local.set $valid (i32.sub (i32.shl (i32.const 1) (local.get $n)) (i32.const 1)))
      (local.set $q (i32.and (local.get $valid) (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $qs)))))
      (if (i32.and (i32.eqz (local.get $q)) (i32.eqz (local.get $inside)))
        (then
          ;; No quote, outside quotes: moved as it is.
          (v128.store (local.get $w) (local.get $v))
          (local.set $w (i32.add (local.get $w) (local.get $n)))
          (local.set $r (i32.add (local.get $r) (i32.const 16)))
          (local.set $before (i32.or
            (i32.eq (i32.load8_u (i32.sub (local.get $r) (i32.const 1))) (i32.const 10))
            (i32.eq (i32.load8_u (i32.sub (local.get $r) (i32.const 1))) (local.get $delimiter))))
          (br $blocks)))
      ;; b: line feeds and delimiters (where a cell may open after); a: those and carriage
      ;; returns (what may follow a closing quote, and what no quoted cell may hold).
      (local.set $b (i8x16.bitmask (v128.or
        (i8x16.eq (local.get $v) (local.get $lfs))
        (i8x16.eq (local.get $v) (local.get $ds)))))
      (local.set $a (i32.or (local.get $b) (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $crs)))))
      ;; px bit i: an odd number of quotes at or before byte i (counting the open one carried in).
      (local.set $px (local.get $q))
      (local.set $px (i32.xor (local.get $px) (i32.shl (local.get $px) (i32.const 1))))
      (local.set $px (i32.xor (local.get $px) (i32.shl (local.get $px) (i32.const 2))))
      (local.set $px (i32.xor (local.get $px) (i32.shl (local.get $px) (i32.const 4))))
      (local.set $px (i32.xor (local.get $px) (i32.shl (local.get $px) (i32.const 8))))
      (if (local.get $inside) (then (local.set $px (i32.xor (local.get $px) (i32.const 0xffff)))))
      (local.set $px (i32.and (local.get $px) (i32.const 0xffff)))
      ;; A quoted cell's own bytes hold no line end nor delimiter.
      (br_if $done (i32.and (i32.and (local.get $px) (i32.xor (local.get $q) (i32.const 0xffff)))
        (i32.and (local.get $a) (local.get $valid))))
      ;; An opening quote comes after a line feed or the delimiter.
      (br_if $done (i32.and (i32.and (local.get $q) (local.get $px))
        (i32.xor (i32.and (i32.or (i32.shl (local.get $b) (i32.const 1)) (local.get $before)) (i32.const 0xffff)) (i32.const 0xffff))))
      ;; A closing quote comes before a line end, the delimiter, or the end of the bytes.
      (local.set $follow (i32.shr_u (local.get $a) (i32.const 1)))
      (if (i32.lt_u (local.get $n) (i32.const 16))
        (then (local.set $follow (i32.or (local.get $follow) (i32.shl (i32.const 1) (i32.sub (local.get $n) (i32.const 1))))))
        (else (if (i32.or
            (i32.ge_u (i32.add (local.get $r) (i32.const 16)) (local.get $end))
            (i32.or
              (i32.or
                (i32.eq (i32.load8_u offset=16 (local.get $r)) (i32.const 10))
                (i32.eq (i32.load8_u offset=16 (local.get $r)) (i32.const 13)))
              (i32.eq (i32.load8_u offset=16 (local.get $r)) (local.get $delimiter))))
          (then (local.set $follow (i32.or (local.get $follow) (i32.const 0x8000)))))))
      (br_if $done (i32.and (i32.and (local.get $q) (i32.xor (local.get $px) (i32.const 0xffff)))
        (i32.xor (local.get $follow) (i32.const 0xffff))))
      (local.set $inside (i32.and (i32.shr_u (local.get $px) (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))
      (local.set $before (i32.and (i32.shr_u (local.get $b) (i32.const 15)) (i32.const 1)))
      ;; The bytes but the quotes, moved down: 8 at a time, by their shuffle.
      (local.set $keep (i32.and (local.get $valid) (i32.xor (local.get $q) (i32.const 0xffff))))
      (local.set $half (i32.and (local.get $keep) (i32.const 255)))
      (v128.store64_lane 0 (local.get $w)
        (i8x16.swizzle (local.get $v) (v128.load64_zero (i32.shl (local.get $half) (i32.const 3)))))
      (local.set $w (i32.add (local.get $w) (i32.popcnt (local.get $half))))
      (local.set $half (i32.shr_u (local.get $keep) (i32.const 8)))
      (v128.store64_lane 0 (local.get $w)
        (i8x16.swizzle (local.get $v) (i8x16.add (local.get $eights) (v128.load64_zero (i32.shl (local.get $half) (i32.const 3))))))
      (local.set $w (i32.add (local.get $w) (i32.popcnt (local.get $half))))
      (local.set $r (i32.add (local.get $r) (i32.const 16)))
      (br $blocks)))
    ;; Stopped early, or a cell still open at the end: the JavaScript loop's.
    (if (i32.or (i32.lt_u (local.get $r) (local.get $end)) (local.get $inside)) (then (return (i32.const -1))))
    (i32.sub (local.get $w) (i32.const 4096)))
)
