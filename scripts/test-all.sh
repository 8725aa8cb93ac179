#!/usr/bin/env bash
# Runs every test suite (called by `make test` after `make setup pkg`), keeps going after
# a failing suite, and ends with one summary line per suite and a total. Full logs are in
# test-output/<suite>.log.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-output
export PATH="$HOME/.cargo/bin:$PATH"

summary=()
total_pass=0
total_fail=0
status=0

# run NAME KIND COMMAND...: KIND is `cargo` or `node` (how to read the counts).
run() {
  local name=$1 kind=$2
  shift 2
  local log="test-output/$name.log"
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local pass fail
  if [ "$kind" = cargo ]; then
    pass=$(grep -oE 'test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
    fail=$(grep -oE '[0-9]+ failed;' "$log" | awk '{s+=$1} END {print s+0}')
  else
    pass=$(grep -E '^# pass [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
    fail=$(grep -E '^# fail [0-9]+' "$log" | awk '{s+=$3} END {print s+0}')
  fi
  if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi # a build error or crash counts
  if [ "$rc" -ne 0 ]; then status=1; fi
  total_pass=$((total_pass + pass))
  total_fail=$((total_fail + fail))
  summary+=("$(printf '  %-40s %5d passed, %d failed%s' "$name" "$pass" "$fail" "$([ "$rc" -ne 0 ] && echo "  (exit $rc, see $log)")")")
}

wasm_test() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --test "$1"
}

run "native (cargo test)" cargo cargo test
run "wasm-bindgen-test in Node" cargo wasm_test wasm_node
run "wasm-bindgen-test in headless Chromium" cargo wasm_test wasm_browser
run "pkg-tests (Node, workerd, Deno, Chromium)" node bash -c 'cd pkg-tests && node --test'
run "www demo app (Playwright, Chromium)" node node --test www/tests/

echo
echo "=== summary"
printf '%s\n' "${summary[@]}"
echo "total: $total_pass passed, $total_fail failed"
exit $status
