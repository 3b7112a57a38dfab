#!/usr/bin/env python3
"""Side by side: `normlab bench` and bench_torch.py, one workload and thread count per process,
interleaved (NormLab, PyTorch, PyTorch, NormLab, ...) and repeated, because the machine is shared
and noisy. Prints a markdown table of the medians over the rounds and the ratios.

Usage: compare.py [--rounds 3] [--threads 1,2] [--torch-python /tmp/torch/bin/python] workload...
"""
import argparse, json, os, statistics, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{out.stderr}")
    return json.loads(out.stdout[out.stdout.index("{"):])["results"][0]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("workloads", nargs="+")
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", default="1,2")
    p.add_argument("--torch-python", default=os.environ.get("TORCH_PYTHON", "python3"))
    a = p.parse_args()
    java = [os.path.join(ROOT, "normlab"), "bench", "--json"]
    torch = [a.torch_python, os.path.join(HERE, "bench_torch.py"), "--json"]
    rows = []
    for w in a.workloads:
        tw = "lstm-fused" if w == "lstm-fused" else w
        for t in a.threads.split(","):
            ours, theirs = [], []
            for r in range(a.rounds):
                pair = [(ours, java + ([w] if w != "lstm-fused" else ["lstm-plain"])), (theirs, torch + [tw])]
                for sink, cmd in (pair if r % 2 == 0 else pair[::-1]):
                    sink.append(run(cmd + ["--threads", t]))
            med = lambda rs, k: statistics.median(x[k] for x in rs)
            rows.append((w, t, med(ours, "rate"), med(theirs, "rate"), ours[0]["unit"], med(ours, "peak_rss_bytes"), med(theirs, "peak_rss_bytes")))
            print(f"{w} {t}: normlab {rows[-1][2]:.2f} torch {rows[-1][3]:.2f} {rows[-1][4]}", file=sys.stderr, flush=True)
    print("| workload | threads | NormLab | PyTorch | unit | ratio | RSS NormLab MiB | RSS PyTorch MiB |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for w, t, o, th, unit, ro, rt in rows:
        print(f"| {w} | {t} | {o:.1f} | {th:.1f} | {unit} | {o / th:.2f} | {ro / 2**20:.0f} | {rt / 2**20:.0f} |")


if __name__ == "__main__":
    main()
