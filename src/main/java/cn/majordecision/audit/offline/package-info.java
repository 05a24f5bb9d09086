/** The offline verifier of audit bundles and archive dossiers: plain Java, no Spring, run from the jar. */
@org.springframework.modulith.NamedInterface("offline")
package cn.majordecision.audit.offline;
