# bench/medians.py FILE.tsv: medians per binary and kind of the lines bench/ab.sh prints.
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    p = line.split('\t')
    if len(p) < 6: continue
    rows[(p[0], p[1])].append((float(p[2]), float(p[3]) + float(p[4]), int(p[5])))
for (name, kind), v in sorted(rows.items()):
    w = [x[0] for x in v]; c = [x[1] for x in v]; m = [x[2] for x in v]
    print(f"{name}\t{kind}\tn={len(v)}\twall med {statistics.median(w):.3f} min {min(w):.3f}\tcpu med {statistics.median(c):.3f}\trss med {statistics.median(m)/1024:.0f} MB")
