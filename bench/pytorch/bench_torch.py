#!/usr/bin/env python3
"""PyTorch reference for `normlab bench`: the same WORKLOADS.md workloads (shared/anchors), timed the
same way (warm-up, then the median of >= 5 repetitions and at least 0.5 s of them).

Not part of the build: needs a PyTorch CPU wheel (e.g. pip install --no-index torch-*.whl into a venv).
Usage: bench_torch.py [workload ...] [--threads 1,2] [--json]
Peak RSS (ru_maxrss) is per process: run one workload per process for a per-workload figure.
"""
import argparse, json, resource, statistics, sys, time

import torch
import torch.nn as nn
import torch.nn.functional as F


def gemm(n):
    a, b = torch.randn(n, n), torch.randn(n, n)
    c = torch.empty(n, n)
    return (lambda: torch.mm(a, b, out=c)), 2.0 * n ** 3, "GFLOP/s", 1e9


def norm(kind):
    if kind == "ln":
        x, layer = torch.randn(8192, 512), nn.LayerNorm(512)
    else:
        x = torch.randn(64, 64, 32, 32)
        layer = {"bn2d": nn.BatchNorm2d(64), "gn": nn.GroupNorm(32, 64),
                 "in2d": nn.InstanceNorm2d(64, affine=True)}[kind]
    x.requires_grad_(True)
    dy = torch.randn_like(x)

    def step():
        x.grad = None
        layer.zero_grad(set_to_none=True)
        layer(x).backward(dy)
    return step, 5.0 * x.numel() * 4, "GB/s", 1e9


def stream(kind):
    n = 16 << 20
    a, b, c = torch.empty(n), torch.ones(n), torch.full((n,), 2.0)
    if kind == "copy":
        return (lambda: a.copy_(b)), 2.0 * n * 4, "GB/s", 1e9
    if kind == "scale":
        return (lambda: torch.mul(b, 3.0, out=a)), 2.0 * n * 4, "GB/s", 1e9
    return (lambda: torch.add(b, c, alpha=3.0, out=a)), 3.0 * n * 4, "GB/s", 1e9


def train(model, opt, x, y):
    def step():
        opt.zero_grad(set_to_none=True)
        F.cross_entropy(model(x), y).backward()
        opt.step()
    return step, 1.0, "steps/s", 1.0


def mlp_deep(bn):
    layers, prev = [], 64
    for _ in range(20):
        layers.append(nn.Linear(prev, 256))
        if bn:
            layers.append(nn.BatchNorm1d(256))
        layers.append(nn.Tanh())
        prev = 256
    layers.append(nn.Linear(256, 10))
    m = nn.Sequential(*layers)
    return train(m, torch.optim.SGD(m.parameters(), lr=0.1, momentum=0.9), torch.randn(128, 64), torch.randint(0, 10, (128,)))


def cnn_small(bn):
    def conv_norm(c):
        return nn.BatchNorm2d(c) if bn else nn.GroupNorm(8, c)
    m = nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1, bias=False), conv_norm(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1, bias=False), conv_norm(64), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(3136, 128, bias=False), nn.BatchNorm1d(128) if bn else nn.LayerNorm(128), nn.ReLU(),
        nn.Linear(128, 10))
    batch = 64 if bn else 4
    return train(m, torch.optim.SGD(m.parameters(), lr=0.01, momentum=0.9), torch.randn(batch, 1, 28, 28), torch.randint(0, 10, (batch,)))


class CellLSTM(nn.Module):
    """A hand-written LSTM cell unrolled over time (gate order i, f, g, o); with ln, Ba et al. 2016's
    layer-normalized LSTM: LN on the input and recurrent pre-activations and on the cell state."""

    def __init__(self, d, h, ln):
        super().__init__()
        k = 1.0 / h ** 0.5
        self.w_ih = nn.Parameter(torch.empty(4 * h, d).uniform_(-k, k))
        self.w_hh = nn.Parameter(torch.empty(4 * h, h).uniform_(-k, k))
        self.b = nn.Parameter(torch.empty(4 * h).uniform_(-k, k))
        self.ln = ln
        if ln:
            self.ln_ih, self.ln_hh, self.ln_cell = nn.LayerNorm(4 * h), nn.LayerNorm(4 * h), nn.LayerNorm(h)
        self.h = h

    def forward(self, x):
        n, t, _ = x.shape
        h = x.new_zeros(n, self.h)
        c = x.new_zeros(n, self.h)
        for s in range(t):
            gi, gh = x[:, s] @ self.w_ih.t(), h @ self.w_hh.t()
            a = (self.ln_ih(gi) + self.ln_hh(gh) if self.ln else gi + gh) + self.b
            i, f, g, o = a.chunk(4, 1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(self.ln_cell(c) if self.ln else c)
        return h


class Classifier(nn.Module):
    def __init__(self, rnn, fused):
        super().__init__()
        self.rnn, self.fused, self.head = rnn, fused, nn.Linear(128, 10)

    def forward(self, x):
        if self.fused:
            _, (h, _) = self.rnn(x)
            return self.head(h[0])
        return self.head(self.rnn(x))


def lstm(kind):
    fused = kind == "fused"
    rnn = nn.LSTM(32, 128, batch_first=True) if fused else CellLSTM(32, 128, kind == "ln")
    m = Classifier(rnn, fused)
    return train(m, torch.optim.Adam(m.parameters(), lr=1e-3), torch.randn(32, 50, 32), torch.randint(0, 10, (32,)))


WORKLOADS = {
    **{f"gemm-{n}": (lambda n=n: gemm(n)) for n in (256, 512, 1024, 2048)},
    **{k: (lambda k=k: norm(k)) for k in ("bn2d", "ln", "gn", "in2d")},
    **{f"stream-{k}": (lambda k=k: stream(k)) for k in ("copy", "scale", "triad")},
    "mlp-deep-bn": lambda: mlp_deep(True), "mlp-deep-plain": lambda: mlp_deep(False),
    "cnn-small-bn": lambda: cnn_small(True), "cnn-small-gn": lambda: cnn_small(False),
    "lstm-plain": lambda: lstm("plain"), "lstm-ln": lambda: lstm("ln"), "lstm-fused": lambda: lstm("fused"),
}


def measure(name, threads, reps, warmup):
    torch.set_num_threads(threads)
    torch.manual_seed(7)
    fn, work, unit, scale = WORKLOADS[name]()
    end, i = time.perf_counter() + warmup, 0
    while i < 3 or time.perf_counter() < end:
        fn()
        i += 1
    times = []
    while len(times) < 1000 and (len(times) < reps or sum(times) < 0.5):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    return {"workload": name, "threads": threads, "median_ms": med * 1e3, "min_ms": min(times) * 1e3, "reps": len(times),
            "rate": work / med / scale, "unit": unit, "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("workloads", nargs="*")
    p.add_argument("--threads", default="2")
    p.add_argument("--reps", type=int, default=7)
    p.add_argument("--warmup", type=float, default=2.0)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    names = [n for s in (a.workloads or list(WORKLOADS)) for n in WORKLOADS if n == s or n.startswith(s.rstrip("-") + "-")]
    if a.workloads and not names:
        sys.exit(f"unknown workload(s) {a.workloads}; known: {' '.join(WORKLOADS)}")
    results = []
    if not a.json:
        print(f"torch {torch.__version__}, MKL {torch.backends.mkl.is_available()}, oneDNN {torch.backends.mkldnn.is_available()}")
        print(f"{'workload':16s} {'threads':>7s} {'median ms':>10s} {'min ms':>10s} {'rate':>12s} {'unit':8s} {'RSS MiB':>9s}")
    for name in dict.fromkeys(names):
        for t in (int(v) for v in a.threads.split(",")):
            r = measure(name, t, a.reps, a.warmup)
            results.append(r)
            if not a.json:
                print(f"{name:16s} {t:7d} {r['median_ms']:10.3f} {r['min_ms']:10.3f} {r['rate']:12.2f} {r['unit']:8s} {r['peak_rss_bytes'] / 2**20:9.0f}", flush=True)
    if a.json:
        print(json.dumps({"torch": torch.__version__, "results": results}, indent=2))


if __name__ == "__main__":
    main()
