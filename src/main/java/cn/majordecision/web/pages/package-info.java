/**
 * The browser application: server-rendered pages for officers, reviewers, auditors, administrators ({@code /app/**})
 * and the public ({@code /portal/**}). Pages read through the modules' services; writes go to the same REST API that
 * validates and audits every other client, so a page can never do what the API refuses.
 */
package cn.majordecision.web.pages;
