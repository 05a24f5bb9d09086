/** Files attached to a case (drafts, hearing record scans, signed opinions, reports), versioned, never overwritten. */
package cn.majordecision.documents;
