/**
 * The archive dossier of a decision (Art. 33): every record of the case (PDF/A-2u and original JSON, original documents,
 * personal data of the public in a restricted part) and the audit bundle, in a BagIt package whose digest is logged;
 * built after commit for every ending of a case, and again, as a new version, for each record after the decision.
 */
package cn.majordecision.archive;
