;; nextLineFields (plainFile.ts) for many lines at once, in WebAssembly with 128-bit SIMD:
;; each 16 bytes are compared with the delimiter and the line feed in two vector compares,
;; and only the bytes that are one of them are looked at, where the JavaScript loop tested
;; and branched on every byte. Each line's field bounds and [start, end, fits] are exactly
;; what nextLineFields gives; lineSplitter.ts holds it to that.
;;
;; Memory: the batch's bytes from byte 0, then 16 bytes the caller keeps readable (the last
;; vector may read past the batch; what it reads there is masked off). Field bounds from
;; `boundsAt` (2 ints a field, `width` fields a line), lines from `linesAt` (3 ints a line).
;; `gather` copies cells of the batch out back to back (customer ids, e-mails lower-cased), for
;; lookups in blocks: from `cellsAt`, each cell's start and end in the batch (2 ints a cell).
;; Edit this file, then run `npm run wasm` (a test checks the kept bytes are this file's).
(module
  (memory (export "memory") 1)
  ;; Where the next line starts once `split` returns.
  (global $next (export "next") (mut i32) (i32.const 0))
  ;; 1 when `split` stopped at a line of a CRLF file that does not end in CRLF (nextLineFields' -2).
  (global $refused (export "refused") (mut i32) (i32.const 0))
  ;; Lines from `at` up to the end of the batch (`len`), at most `maxLines`: returns how many
  ;; (those before a refused line, if one is). A last line without a line feed counts only
  ;; when `last` is 1.
  (func (export "split") (param $at i32) (param $len i32) (param $last i32) (param $crlf i32)
    (param $delimiter i32) (param $width i32) (param $boundsAt i32) (param $linesAt i32)
    (param $maxLines i32) (result i32)
    (local $n i32) (local $pos i32) (local $mask i32) (local $i i32) (local $f i32)
    (local $s i32) (local $start i32) (local $fits i32) (local $end i32) (local $field i32)
    (local $line i32) (local $ds v128) (local $lfs v128) (local $v v128)
    (global.set $next (local.get $at))
    (global.set $refused (i32.const 0))
    (if (i32.ge_u (local.get $at) (local.get $len)) (then (return (i32.const 0))))
    (if (i32.eqz (local.get $maxLines)) (then (return (i32.const 0))))
    (local.set $ds (i8x16.splat (local.get $delimiter)))
    (local.set $lfs (i8x16.splat (i32.const 10)))
    (local.set $start (local.get $at))
    (local.set $s (local.get $at))
    (local.set $fits (i32.const 1))
    (local.set $field (local.get $boundsAt))
    (local.set $pos (local.get $at))
    (block $scanned (loop $vectors
      (br_if $scanned (i32.ge_u (local.get $pos) (local.get $len)))
      (local.set $v (v128.load (local.get $pos)))
      (local.set $mask (i8x16.bitmask (v128.or
        (i8x16.eq (local.get $v) (local.get $ds))
        (i8x16.eq (local.get $v) (local.get $lfs)))))
      ;; Bytes past the batch are not its own.
      (if (i32.lt_u (i32.sub (local.get $len) (local.get $pos)) (i32.const 16))
        (then (local.set $mask (i32.and (local.get $mask)
          (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $len) (local.get $pos))) (i32.const 1))))))
      (block $bitsDone (loop $bits
        (br_if $bitsDone (i32.eqz (local.get $mask)))
        (local.set $i (i32.add (local.get $pos) (i32.ctz (local.get $mask))))
        (local.set $mask (i32.and (local.get $mask) (i32.sub (local.get $mask) (i32.const 1))))
        (if (i32.eq (i32.load8_u (local.get $i)) (i32.const 10))
          (then
            ;; The line ends at the line feed (before its CR in a CRLF file).
            (local.set $end (local.get $i))
            (if (local.get $crlf) (then
              ;; An empty line has no CR; otherwise the byte before the line feed must be one
              ;; (read only then: at the batch's first byte there is none before it).
              (if (i32.eq (local.get $i) (local.get $start)) (then
                (global.set $refused (i32.const 1))
                (return (local.get $n))))
              (if (i32.ne (i32.load8_u (i32.sub (local.get $i) (i32.const 1))) (i32.const 13)) (then
                (global.set $refused (i32.const 1))
                (return (local.get $n))))
              (local.set $end (i32.sub (local.get $i) (i32.const 1)))))
            (call $finish (local.get $start) (local.get $end) (local.get $s) (local.get $f)
              (local.get $fits) (local.get $width) (local.get $field) (local.get $linesAt) (local.get $n))
            (local.set $n (i32.add (local.get $n) (i32.const 1)))
            (local.set $start (i32.add (local.get $i) (i32.const 1)))
            (global.set $next (local.get $start))
            (if (i32.eq (local.get $n) (local.get $maxLines)) (then (return (local.get $n))))
            (local.set $s (local.get $start))
            (local.set $f (i32.const 0))
            (local.set $fits (i32.const 1))
            (local.set $field (i32.add (local.get $boundsAt)
              (i32.shl (i32.mul (local.get $n) (local.get $width)) (i32.const 3)))))
          (else
            ;; A delimiter: the field before it, unless the line has its width already.
            (if (i32.eq (local.get $f) (i32.sub (local.get $width) (i32.const 1)))
              (then (local.set $fits (i32.const 0)))
              (else
                (i32.store (local.get $field) (local.get $s))
                (i32.store offset=4 (local.get $field) (local.get $i))
                (local.set $field (i32.add (local.get $field) (i32.const 8)))
                (local.set $f (i32.add (local.get $f) (i32.const 1)))
                (local.set $s (i32.add (local.get $i) (i32.const 1)))))))
        (br $bits)))
      (local.set $pos (i32.add (local.get $pos) (i32.const 16)))
      (br $vectors)))
    ;; A line without a line feed: the batch's last, when it is the file's end.
    (if (i32.and (local.get $last) (i32.lt_u (local.get $start) (local.get $len)))
      (then
        (call $finish (local.get $start) (local.get $len) (local.get $s) (local.get $f)
          (local.get $fits) (local.get $width) (local.get $field) (local.get $linesAt) (local.get $n))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (global.set $next (i32.add (local.get $len) (i32.const 1)))))
    (local.get $n))

  ;; The `n` cells whose bounds are at `cellsAt` (start, end; each within the batch) copied to
  ;; `outAt` one after another, each cell holding an '@' with A-Z lower-cased (as
  ;; CustomerKeys reads an e-mail id); each one's end (from `outAt`) at `endsAt`. Returns the
  ;; bytes written. 16 bytes at a time: reads may pass a cell's end (into the batch or the 16
  ;; bytes after it), and writes may pass the next cell's start (it overwrites them), so
  ;; `outAt` needs 16 bytes of room past the last cell.
  (func (export "gather") (param $cellsAt i32) (param $n i32) (param $outAt i32) (param $endsAt i32) (result i32)
    (local $j i32) (local $s i32) (local $len i32) (local $o i32) (local $i i32) (local $at i32)
    (local $v v128) (local $ats v128) (local $as v128) (local $zs v128) (local $case v128)
    (local $mask i32)
    (local.set $ats (i8x16.splat (i32.const 64)))
    (local.set $as (i8x16.splat (i32.const 65)))
    (local.set $zs (i8x16.splat (i32.const 90)))
    (local.set $case (i8x16.splat (i32.const 32)))
    (local.set $o (local.get $outAt))
    (block $done (loop $cells
      (br_if $done (i32.ge_u (local.get $j) (local.get $n)))
      (local.set $s (i32.load (i32.add (local.get $cellsAt) (i32.shl (local.get $j) (i32.const 3)))))
      (local.set $len (i32.sub
        (i32.load offset=4 (i32.add (local.get $cellsAt) (i32.shl (local.get $j) (i32.const 3))))
        (local.get $s)))
      ;; Copied as they are; $at: whether an '@' is among the cell's own bytes.
      (local.set $at (i32.const 0))
      (local.set $i (i32.const 0))
      (block $copied (loop $copy
        (br_if $copied (i32.ge_s (local.get $i) (local.get $len)))
        (local.set $v (v128.load (i32.add (local.get $s) (local.get $i))))
        (v128.store (i32.add (local.get $o) (local.get $i)) (local.get $v))
        (local.set $mask (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $ats))))
        (if (i32.lt_s (i32.sub (local.get $len) (local.get $i)) (i32.const 16))
          (then (local.set $mask (i32.and (local.get $mask)
            (i32.sub (i32.shl (i32.const 1) (i32.sub (local.get $len) (local.get $i))) (i32.const 1))))))
        (local.set $at (i32.or (local.get $at) (local.get $mask)))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $copy)))
      (if (local.get $at) (then
        ;; An e-mail: A-Z to a-z (bytes past the cell change too, and are overwritten or unused).
        (local.set $i (i32.const 0))
        (block $lowered (loop $lower
          (br_if $lowered (i32.ge_s (local.get $i) (local.get $len)))
          (local.set $v (v128.load (i32.add (local.get $o) (local.get $i))))
          (v128.store (i32.add (local.get $o) (local.get $i))
            (i8x16.add (local.get $v) (v128.and (local.get $case)
              (v128.and (i8x16.ge_u (local.get $v) (local.get $as)) (i8x16.le_u (local.get $v) (local.get $zs))))))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br $lower)))))
      (local.set $o (i32.add (local.get $o) (local.get $len)))
      (i32.store (i32.add (local.get $endsAt) (i32.shl (local.get $j) (i32.const 2))) (i32.sub (local.get $o) (local.get $outAt)))
      (local.set $j (i32.add (local.get $j) (i32.const 1)))
      (br $cells)))
    (i32.sub (local.get $o) (local.get $outAt)))

  ;; The line's last field and its [start, end, fits].
  (func $finish (param $start i32) (param $end i32) (param $s i32) (param $f i32) (param $fits i32)
    (param $width i32) (param $field i32) (param $linesAt i32) (param $n i32)
    (local $at i32)
    (if (i32.ne (local.get $f) (i32.sub (local.get $width) (i32.const 1)))
      (then (local.set $fits (i32.const 0)))
      (else
        (i32.store (local.get $field) (local.get $s))
        (i32.store offset=4 (local.get $field) (local.get $end))))
    (local.set $at (i32.add (local.get $linesAt) (i32.mul (local.get $n) (i32.const 12))))
    (i32.store (local.get $at) (local.get $start))
    (i32.store offset=4 (local.get $at) (local.get $end))
    (i32.store offset=8 (local.get $at) (local.get $fits))))
