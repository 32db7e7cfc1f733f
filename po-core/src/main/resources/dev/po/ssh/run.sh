# The po of another host, run by ssh as one command line (lines starting with # are left out).
# @HASH@ names the jar's folder, @MAIN@ its entry point, @ARGS@ fixed arguments of po's own.
for t in java git tmux; do
  command -v "$t" >/dev/null 2>&1 || { echo "no $t on PATH" >&2; exit @MISSING_TOOL@; }
done
d="$HOME/.cache/po/@HASH@"
[ -f "$d/po.jar" ] || exit @NO_JAR@
# The first run there records a class-data archive of what po loads, which later runs map (a third
# of the start-up); written beside and renamed, as the jar is.
if [ -f "$d/po.jsa" ]; then cds="-XX:SharedArchiveFile=$d/po.jsa"; else cds="-XX:ArchiveClassesAtExit=$d/po.jsa.$$"; fi
# A non-interactive login often has no locale: without one, Java cannot name a non-ASCII path.
export LC_ALL=C.UTF-8
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off $cds -cp "$d/po.jar" @MAIN@@ARGS@
rc=$?
[ -f "$d/po.jsa.$$" ] && mv -f "$d/po.jsa.$$" "$d/po.jsa"
exit $rc
