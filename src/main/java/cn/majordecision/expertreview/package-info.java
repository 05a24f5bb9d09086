/** Expert review (Arts. 19-21): the selection of independent experts and their separate opinions. */
package cn.majordecision.expertreview;
