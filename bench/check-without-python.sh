#!/usr/bin/env bash
# Benchmark (c): `connect-lint check --no-python` on the example against a JIT .NET hello world (framework-dependent,
# started through its apphost), interleaved in the same run.
#   bench/check-without-python.sh [RUNS]     (default 9)
source "$(dirname "$0")/common.sh"
runs=${1:-9}
build_tool

hello=bench/out/hello-jit
if [ ! -x "$hello/publish/hello" ]; then
  mkdir -p "$hello"
  cat > "$hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup>
</Project>
XML
  echo 'System.Console.WriteLine("hello");' > "$hello/Program.cs"
  dotnet publish "$hello/hello.csproj" -c Release -o "$hello/publish" --nologo -v quiet >/dev/null
fi

interleave "$runs" "hello=$PWD/$hello/publish/hello" "check=$tool check examples/inventory-api --no-python --exit-zero"

header "(c) check --no-python vs a JIT .NET hello world (median of $runs)"
row ".NET hello world (baseline), wall" "$WALL_hello" 1
row "connect-lint check --no-python, wall" "$WALL_check" "$(ratio "$WALL_check" "$WALL_hello")" "≤ 1.0"
