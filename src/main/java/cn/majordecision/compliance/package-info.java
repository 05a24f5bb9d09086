/**
 * The compliance check of a case against Decree 713, article by article, derived from the stored stage records,
 * skips and flags; and the list of cases with any violation. Reads cases and calendar through their public APIs.
 */
package cn.majordecision.compliance;
