/**
 * Access decisions for three permission models behind one call, {@link
 * io.mmsdk.admin.access.AccessControl#decide}: Meeting Management roles and space tags, MCU-style
 * conference ownership with privilege levels, and meeting / agenda-section permissions. Every
 * {@link io.mmsdk.admin.access.Decision} carries a reason people can read.
 */
package io.mmsdk.admin.access;
