;; Document frequencies of term ids (src/vectors/vocabulary.ts
;; `vocabularyOfIds`) in WebAssembly, a module of its own on the memory of
;; kernels.wat (imported), below 4 KB. The same additions in the same order
;; as the JavaScript loop (each note's weight added once per distinct id, in
;; token order), so the same counts (tests/kernels.test.ts).
;;
;; Note i's ids: by tokens, TOKENS[OFFSETS[i]] … TOKENS[OFFSETS[i + 1] - 1];
;; by words (`byWords`), for each x in WOFFSETS[i] … WOFFSETS[i + 1] - 1 the
;; ids POOL[STARTS[s]] … POOL[ENDS[s] - 1] of word type s = SLOTS[x].
;; WEIGHTS: a double per note, or 0 for weight 1 each. LAST (an i32 per id)
;; must hold -1 and COUNTS (a double per id) 0 on entry. A call counts the
;; notes `first` … `rows` − 1 (the caller makes several calls, so that V8's
;; optimised code runs the later ones), adding to COUNTS.
(module
  (import "kernels" "memory" (memory 1))

  (func $weight (param $WEIGHTS i32) (param $i i32) (result f64)
    (if (result f64) (local.get $WEIGHTS)
      (then (f64.load (i32.add (local.get $WEIGHTS) (i32.shl (local.get $i) (i32.const 3)))))
      (else (f64.const 1))))

  (func (export "documentFrequencies")
    (param $first i32) (param $rows i32) (param $OFFSETS i32) (param $TOKENS i32) (param $WEIGHTS i32) (param $LAST i32) (param $COUNTS i32)
    (local $i i32) (local $t i32) (local $end i32) (local $w f64) (local $id i32) (local $at i32)
    (local.set $i (local.get $first))
    (block $done (loop $row
      (br_if $done (i32.ge_s (local.get $i) (local.get $rows)))
      (local.set $w (call $weight (local.get $WEIGHTS) (local.get $i)))
      (local.set $t (i32.load (i32.add (local.get $OFFSETS) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $end (i32.load (i32.add (local.get $OFFSETS) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
      (block $tokensDone (loop $token
        (br_if $tokensDone (i32.ge_s (local.get $t) (local.get $end)))
        (local.set $id (i32.load (i32.add (local.get $TOKENS) (i32.shl (local.get $t) (i32.const 2)))))
        (local.set $at (i32.add (local.get $LAST) (i32.shl (local.get $id) (i32.const 2))))
        (if (i32.ne (i32.load (local.get $at)) (local.get $i))
          (then
            (i32.store (local.get $at) (local.get $i))
            (local.set $at (i32.add (local.get $COUNTS) (i32.shl (local.get $id) (i32.const 3))))
            (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $w)))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $token)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $row))))

  (func (export "documentFrequenciesByWords")
    (param $first i32) (param $rows i32) (param $WOFFSETS i32) (param $SLOTS i32) (param $STARTS i32) (param $ENDS i32) (param $POOL i32)
    (param $WEIGHTS i32) (param $LAST i32) (param $COUNTS i32)
    (local $i i32) (local $x i32) (local $xend i32) (local $s i32) (local $t i32) (local $end i32) (local $w f64)
    (local $id i32) (local $at i32)
    (local.set $i (local.get $first))
    (block $done (loop $row
      (br_if $done (i32.ge_s (local.get $i) (local.get $rows)))
      (local.set $w (call $weight (local.get $WEIGHTS) (local.get $i)))
      (local.set $x (i32.load (i32.add (local.get $WOFFSETS) (i32.shl (local.get $i) (i32.const 2)))))
      (local.set $xend (i32.load (i32.add (local.get $WOFFSETS) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
      (block $wordsDone (loop $word
        (br_if $wordsDone (i32.ge_s (local.get $x) (local.get $xend)))
        (local.set $s (i32.shl (i32.load (i32.add (local.get $SLOTS) (i32.shl (local.get $x) (i32.const 2)))) (i32.const 2)))
        (local.set $t (i32.load (i32.add (local.get $STARTS) (local.get $s))))
        (local.set $end (i32.load (i32.add (local.get $ENDS) (local.get $s))))
        (block $idsDone (loop $id
          (br_if $idsDone (i32.ge_s (local.get $t) (local.get $end)))
          (local.set $id (i32.load (i32.add (local.get $POOL) (i32.shl (local.get $t) (i32.const 2)))))
          (local.set $at (i32.add (local.get $LAST) (i32.shl (local.get $id) (i32.const 2))))
          (if (i32.ne (i32.load (local.get $at)) (local.get $i))
            (then
              (i32.store (local.get $at) (local.get $i))
              (local.set $at (i32.add (local.get $COUNTS) (i32.shl (local.get $id) (i32.const 3))))
              (f64.store (local.get $at) (f64.add (f64.load (local.get $at)) (local.get $w)))))
          (local.set $t (i32.add (local.get $t) (i32.const 1)))
          (br $id)))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $word)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $row))))
)
