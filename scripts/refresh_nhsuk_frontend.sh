#!/usr/bin/env bash
# Vendor the compiled nhsuk-frontend files at the version nhsuk-frontend-jinja targets.
# Run only when bumping the version: scripts/refresh_nhsuk_frontend.sh 10.6.1
# Needs npm (not needed to install or run the service).
set -euo pipefail
version=${1:-$(cat "$(dirname "$0")/../dspt/ui/static/nhsuk/VERSION" 2>/dev/null || echo 10.6.1)}
dest=$(cd "$(dirname "$0")/.." && pwd)/dspt/ui/static/nhsuk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "nhsuk-frontend@$version" >/dev/null && tar xzf "nhsuk-frontend-$version.tgz")
src="$work/package/dist/nhsuk"
rm -rf "$dest"
mkdir -p "$dest"
cp -r "$src/assets" "$dest/assets"
# Relative asset URLs so the manifest storage can hash them; no source maps are vendored.
sed -e 's#url(/assets/#url(assets/#g' -e 's#/\*\# sourceMappingURL=[^*]*\*/##' \
  "$src/nhsuk-frontend.min.css" >"$dest/nhsuk-frontend.min.css"
sed -e 's#//\# sourceMappingURL=.*$##' "$src/nhsuk-frontend.min.js" >"$dest/nhsuk-frontend.min.js"
find "$dest/assets" -name '*.map' -delete
cat >"$dest/LICENCE" <<TXT
nhsuk-frontend $version (https://github.com/nhsuk/nhsuk-frontend), vendored unchanged apart from
relative asset URLs and removed source-map comments.

The nhsuk-frontend codebase is released under the MIT Licence (package.json "license": "MIT"):

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions: The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
TXT
echo "$version" >"$dest/VERSION"
echo "vendored nhsuk-frontend $version into $dest"
