# Sourced by the tests that play a machine with no .NET (tests/ci/run.py calls it too): without_dotnet_path DIR
# prints PATH as it is, with the system directories replaced by DIR, which gets links to all they hold but dotnet.
without_dotnet_path() {
  local links=$1 program name
  mkdir -p "$links"
  for program in /usr/bin/* /bin/*; do
    name=$(basename "$program")
    [ "$name" = dotnet ] || ln -sf "$program" "$links/$name"
  done
  echo "$PATH" | tr ':' '\n' | sed "s#^/usr/bin/*\$#$links#; s#^/bin/*\$#$links#" | paste -sd:
}
