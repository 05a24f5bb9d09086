/**
 * The archive dossier of a decision (Art. 33): every stage record as a PDF/A-2u document and as its original JSON,
 * the audit bundle, in a BagIt package whose digest is logged; generated when the archivist confirms archiving.
 */
package cn.majordecision.archive;
