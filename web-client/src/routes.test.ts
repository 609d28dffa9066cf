import { describe, expect, it } from 'vitest';
import {
  adminRoutes,
  coordinatorRoutes,
  hashQuery,
  coordinatorSeriesRoute,
  hashOf,
  parseHash,
  parseRoute,
  protectedRoutes,
  reportRoute,
  reportRoutes,
  visitorRoutes,
  roomRoute,
  routeNames,
  sameRoute,
  seriesRoute,
  templateEditorRoute,
} from './routes.ts';

describe('hash routes', () => {
  it('reads each fixed route back from its own hash', () => {
    const withIds = ['room', 'series', 'coordinatorSeries', 'templateEditor', 'report'];
    for (const name of routeNames.filter((route) => !withIds.includes(route))) {
      expect(parseHash(hashOf(name))).toBe(name);
    }
  });

  it('treats an empty, bare or unknown hash as the landing page', () => {
    expect(parseHash('')).toBe('landing');
    expect(parseHash('#')).toBe('landing');
    expect(parseHash('#/nothing-here')).toBe('landing');
    expect(parseHash('#/rooms/1/more')).toBe('landing');
  });

  it('ignores a trailing slash and a query', () => {
    expect(parseHash('#/register/')).toBe('register');
    expect(parseHash('#/home?tab=1')).toBe('home');
    expect(parseRoute('#/rooms/7/?x=1')).toEqual({ name: 'room', roomId: '7' });
  });

  it('carries the room id through the hash, encoded', () => {
    expect(hashOf(roomRoute(42))).toBe('#/rooms/42');
    expect(hashOf(roomRoute('a b/c'))).toBe('#/rooms/a%20b%2Fc');
    expect(parseRoute(hashOf(roomRoute('a b/c')))).toEqual({ name: 'room', roomId: 'a b/c' });
    expect(parseRoute('#/rooms')).toEqual({ name: 'rooms' });
  });

  it('sends a broken room id to the room list', () => {
    expect(parseRoute('#/rooms/%E0%A4%A')).toEqual({ name: 'rooms' });
    expect(hashOf({ name: 'room' })).toBe('#/rooms');
  });

  it('tells rooms apart', () => {
    expect(sameRoute(roomRoute(1), roomRoute('1'))).toBe(true);
    expect(sameRoute(roomRoute(1), roomRoute(2))).toBe(false);
    expect(sameRoute({ name: 'rooms' }, { name: 'rooms' })).toBe(true);
  });

  it('carries the series id through the hash and sends a broken one to the calendar', () => {
    expect(hashOf(seriesRoute('s 1'))).toBe('#/series/s%201');
    expect(parseRoute('#/series/s%201')).toEqual({ name: 'series', seriesId: 's 1' });
    expect(parseRoute('#/series/%E0%A4%A')).toEqual({ name: 'calendar' });
    expect(parseRoute('#/calendar')).toEqual({ name: 'calendar' });
    expect(sameRoute(seriesRoute('a'), seriesRoute('b'))).toBe(false);
  });

  it('carries series and template ids into the coordinator screens', () => {
    expect(hashOf(coordinatorSeriesRoute('s/1'))).toBe('#/coordinator/series/s%2F1');
    expect(parseRoute('#/coordinator/series/s%2F1')).toEqual({ name: 'coordinatorSeries', seriesId: 's/1' });
    expect(parseRoute(hashOf(templateEditorRoute('t1')))).toEqual({ name: 'templateEditor', templateId: 't1' });
    expect(parseRoute('#/coordinator/templates/%E0%A4%A')).toEqual({ name: 'coordinator' });
    expect(parseHash('#/coordinator/plan')).toBe('planSeries');
    expect(parseHash('#/my-sessions')).toBe('mySessions');
    expect(sameRoute(templateEditorRoute('a'), templateEditorRoute('b'))).toBe(false);
  });

  it('carries the series id into its report and sends a broken one to the list of reports', () => {
    expect(hashOf(reportRoute('s 1'))).toBe('#/reports/s%201');
    expect(parseRoute('#/reports/s%201')).toEqual({ name: 'report', seriesId: 's 1' });
    expect(parseRoute('#/reports/%E0%A4%A')).toEqual({ name: 'reports' });
    expect(hashOf({ name: 'report' })).toBe('#/reports');
    expect(parseHash('#/feedback')).toBe('feedback');
    expect(parseHash('#/my-data')).toBe('myData');
    expect(parseHash('#/settings')).toBe('settings');
    expect(parseHash('#/reset-password?token=abc')).toBe('resetPassword');
    expect(parseHash('#/workbook')).toBe('workbook');
    expect(hashOf('workbook')).toBe('#/workbook');
    expect(sameRoute(reportRoute('a'), reportRoute('b'))).toBe(false);
    expect(sameRoute(reportRoute('a'), { name: 'coordinatorSeries', seriesId: 'a' })).toBe(false);
  });

  it("keeps feedback, reports and one's own data behind a sign-in", () => {
    for (const name of reportRoutes) expect(protectedRoutes.has(name)).toBe(true);
    expect(protectedRoutes.has('feedback')).toBe(true);
    expect(protectedRoutes.has('myData')).toBe(true);
    expect(protectedRoutes.has('settings')).toBe(true);
    expect(parseHash('#/recover')).toBe('recover');
    expect(visitorRoutes.has('recover')).toBe(true);
    expect(protectedRoutes.has('recover')).toBe(false);
    expect(protectedRoutes.has('workbook')).toBe(true);
    expect(coordinatorRoutes.has('workbook')).toBe(false);
    expect(coordinatorRoutes.has('report')).toBe(false);
  });

  it("keeps coordinator screens and one's own sessions behind a sign-in", () => {
    for (const name of coordinatorRoutes) expect(protectedRoutes.has(name)).toBe(true);
    expect(protectedRoutes.has('mySessions')).toBe(true);
    expect(coordinatorRoutes.has('mySessions')).toBe(false);
    expect(protectedRoutes.has('calendar')).toBe(false);
  });

  it('opens the pages of the links in e-mails whether signed in or not, and the captured mail for administrators', () => {
    expect(parseRoute('#/verify-email?token=abc_-1')).toEqual({ name: 'verifyEmail' });
    expect(hashQuery('#/verify-email?token=abc_-1').get('token')).toBe('abc_-1');
    const unsubscribe = hashQuery('#/unsubscribe?key=k%2B1&categories=SCHEDULE,ENROLMENT');
    expect(parseHash('#/unsubscribe?key=k&categories=SCHEDULE')).toBe('unsubscribe');
    expect(unsubscribe.get('key')).toBe('k+1');
    expect(unsubscribe.get('categories')).toBe('SCHEDULE,ENROLMENT');
    expect(hashQuery('#/unsubscribe').get('key')).toBeNull();
    for (const name of ['verifyEmail', 'unsubscribe'] as const) {
      expect(protectedRoutes.has(name)).toBe(false);
      expect(visitorRoutes.has(name)).toBe(false);
    }
    expect(parseHash('#/captured-mail')).toBe('capturedMail');
    expect(adminRoutes.has('capturedMail')).toBe(true);
    expect(protectedRoutes.has('capturedMail')).toBe(true);
    expect(coordinatorRoutes.has('capturedMail')).toBe(false);
  });
});
