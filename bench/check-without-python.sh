#!/usr/bin/env bash
# Benchmark (c): `connect-lint check --no-python` on the example against a .NET hello-world process
# (both ReadyToRun), measured in the same run.
#   bench/check-without-python.sh [RUNS]     (default 15)
source "$(dirname "$0")/common.sh"
runs=${1:-15}
build_tool

hello=bench/out/hello
if [ ! -x "$hello/publish/hello" ]; then
  mkdir -p "$hello"
  cat > "$hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup>
</Project>
XML
  echo 'System.Console.WriteLine("hello");' > "$hello/Program.cs"
  dotnet publish "$hello/hello.csproj" -c Release -o "$hello/publish" -p:PublishReadyToRun=true --nologo -v quiet >/dev/null
fi

baseline=$(measure "$runs" "$hello/publish/hello")
check=$(measure "$runs" "$tool" check examples/inventory-api --no-python --exit-zero)

printf '%-52s %9s %8s\n' "(c) check --no-python vs .NET hello world (median of $runs)" "seconds" "ratio"
row ".NET hello world (baseline)" "$baseline" 1
row "connect-lint check --no-python" "$check" "$(echo "$check / $baseline" | bc -l)"
