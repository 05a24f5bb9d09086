/**
 * Expert review (Arts. 19-21): the expert pool, the selection of independent experts, their conflict declarations,
 * reproducible random draws and the adoption of their separate opinions.
 */
package cn.majordecision.expertreview;
