package io.normlab.diagnostics;

/** The papers the advisor cites (see shared/PAPERS.md for what each measured). */
final class Papers {
    private Papers() {}

    static final String GLOROT = "Glorot & Bengio 2010";
    static final String IOFFE = "Ioffe & Szegedy 2015";
    static final String BA = "Ba, Kiros & Hinton 2016";
    static final String WU_HE = "Wu & He 2018";
    static final String RENORM = "Ioffe 2017";
    static final String PASCANU = "Pascanu, Mikolov & Bengio 2013";
    static final String HE = "He et al. 2015";
    static final String YANG = "Yang et al. 2019";
    /** Efficient BackProp: the classical case for centred, equally scaled inputs. */
    static final String LECUN = "LeCun, Bottou, Orr & Mueller 1998";
}
