package io.normlab.study;

/** The papers' headline figures and setups (shared/PAPERS.md), shown next to NormLab's numbers. */
public final class Papers {
    private Papers() {}

    public static final Literature GLOROT = new Literature("Glorot & Bengio 2010, Understanding the difficulty of training deep feedforward neural networks",
            "5 hidden layers of 1000 units: the sigmoid top layer saturates at 0 early in training; per-layer gradient statistics shrink toward "
                    + "the input; tanh error on Shapeset 27.15% -> 15.60% with normalized (Xavier) init (MNIST 1.76% -> 1.64%). Warns that "
                    + "weight-gradient variance can stay flat across layers while activation gradients vanish.");
    public static final Literature IOFFE_SPEED = new Literature("Ioffe & Szegedy 2015, Batch Normalization",
            "Inception on ImageNet: 72.2% reached in 31.0M steps without BN, 13.3M with BN (2.3x fewer), 2.1M with BN, 5x learning "
                    + "rate and tuning (14x fewer). No wall-clock figure and no \"30%\" appear in the paper.");
    public static final Literature IOFFE_SIGMOID = new Literature("Ioffe & Szegedy 2015, Batch Normalization",
            "Sigmoid Inception with BN reaches 69.8% where it stays at chance without BN; MNIST, 3 hidden layers of 100 sigmoid units, "
                    + "batch 60: BN keeps the distribution of the sigmoid inputs stable.");
    public static final Literature IOFFE_PLACEMENT = new Literature("Ioffe & Szegedy 2015, Batch Normalization",
            "Normalizes x = Wu + b right before the nonlinearity (BN after the linear map, before the activation); later work finds "
                    + "both placements workable.");
    public static final Literature BA = new Literature("Ba, Kiros & Hinton 2016, Layer Normalization",
            "Faster convergence on RNN tasks (e.g. DRAW; order embeddings reach their best in ~60% of the time); LN-LSTM normalizes the "
                    + "W_h h and W_x x gate pre-activations and the cell state; BN still better on ConvNets. Gradient norms are not measured.");
    public static final Literature WU_HE = new Literature("Wu & He 2018, Group Normalization",
            "ResNet-50 ImageNet top-1 error by images per GPU 32/16/8/4/2: BN 23.6/23.7/24.8/27.3/34.7, GN 24.1/24.2/24.0/24.2/24.1; "
                    + "at 32: LN 25.3, IN 28.4. Batch Renorm at 4 per GPU: 26.3.");
    public static final Literature RENORM = new Literature("Ioffe 2017, Batch Renormalization",
            "Corrects batch statistics toward the running ones (r, d clipped, constants in backward) for small or non-i.i.d. batches; "
                    + "26.3% error at 4 images per GPU in Wu & He's comparison, between BN (27.3) and GN (24.2).");
    public static final Literature LUO_SN = new Literature("Luo et al. 2019, Switchable Normalization",
            "Softmax weights over IN/LN/BN means and variances: ImageNet 76.9% vs BN 76.4% vs GN 75.9% at 32 per GPU; at 2 per GPU "
                    + "75.6%, below GN.");
    public static final Literature NAM_BIN = new Literature("Nam & Kim 2018, Batch-Instance Normalization",
            "Per-channel gate rho in [0, 1] mixing BN and IN outputs, clipped after each step; the gates learn which channels keep "
                    + "style (batch) and which discard it (instance) information.");
    public static final Literature YANG = new Literature("Yang et al. 2019, A Mean Field Theory of Batch Normalization",
            "Deep BN networks without skip connections have exploding gradients at initialization: the norm grows exponentially with "
                    + "depth, more at small batch sizes and with ReLU than linear/tanh (linear net: about (B-2)/(B-3) per layer in squared "
                    + "norm); the effect fades after the first optimization steps.");
    public static final Literature PASCANU = new Literature("Pascanu, Mikolov & Bengio 2013, On the difficulty of training recurrent neural networks",
            "Vanishing is guaranteed when the recurrent weight's largest singular value is below 1/gamma (gamma = 1 for tanh); clipping "
                    + "the gradient norm (threshold ~1) removes the exploding spikes; long-range synthetic tasks.");
    public static final Literature HE = new Literature("He et al. 2015, Delving Deep into Rectifiers",
            "A 30-layer ReLU net with Xavier init stalls; with He init (std sqrt(2/fan_in)) it trains, without normalization.");
    public static final Literature SANTURKAR = new Literature("Santurkar et al. 2018, How Does Batch Normalization Help Optimization?",
            "BN's benefit is a smoother loss landscape, not reduced internal covariate shift: loss and gradient change less along the "
                    + "gradient direction, which permits larger steps.");
    public static final Literature RMSNORM = new Literature("Zhang & Sennrich 2019, Root Mean Square Layer Normalization",
            "Drops LN's mean subtraction: similar accuracy, 7-64% faster on GPUs.");
    public static final Literature LECUN = new Literature("LeCun, Bottou, Orr & Mueller 1998, Efficient BackProp",
            "Classical: inputs should be centred and scaled alike; features on very different scales make the loss surface ill-conditioned "
                    + "and gradient descent slow.");
}
