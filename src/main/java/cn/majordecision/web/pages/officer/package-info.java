/**
 * The officer's pages: the dashboard of the unit's cases, filing a case, the case page with its process diagram, the
 * handling of public opinions, the decision catalog and the annual report. Reads go through the modules' services
 * with the signed-in person, so a page shows exactly what the API would; writes are forms sent to the API.
 */
package cn.majordecision.web.pages.officer;
