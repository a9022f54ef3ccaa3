//! Every path of the API, in one place. Paths that the public docs do not show and the project
//! inferred (§20 of the reference) say so with `inferred: true`; correcting one against the real
//! service is a change to its line here.

use reqwest::Method;

/// One API operation with its ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    SpacesList,
    SpaceGet(i64),
    SpaceCreate,
    SpaceUpdate(i64),
    SpaceDelete(i64),
    MembersList(i64),
    MemberAdd(i64),
    MemberUpdate(i64, i64),
    MemberRemove(i64, i64),
    TablesList(i64),
    TableGet(i64),
    TableCreate(i64),
    TableUpdate(i64),
    TableDelete(i64),
    ViewsList(i64),
    ViewGet(i64, i64),
    RecordCreate(i64),
    RecordGet(i64, i64),
    RecordUpdate(i64, i64),
    RecordDelete(i64, i64),
    RecordsDeleteBatch(i64),
    RecordsQuery(i64),
    RecordsCount(i64),
    CommentsList(i64, i64),
    CommentCreate(i64, i64),
    CommentUpload(i64, i64),
    FileCreate(i64, i64),
    FileDelete(i64, i64),
    FileGet(i64, i64),
    TableSubscribe(i64),
    TableUnsubscribe(i64),
    RecordSubscribe(i64, i64),
    RecordUnsubscribe(i64, i64),
    SubscriptionStatus(i64),
    RecordTaskCreate(i64, i64),
    RecordTasksList(i64, i64),
    TaskGet(i64),
    TaskUpdate(i64),
    TaskDone(i64),
    TaskReopen(i64),
    TaskDelete(i64),
    TaskCommentsList(i64),
    TaskCommentCreate(i64),
    TasksCreate,
    TasksList,
    NotificationsList,
    NotificationsUnreadCount,
    NotificationMarkRead(i64),
    NotificationMarkUnread(i64),
    NotificationsMarkAllRead,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub method: Method,
    /// Relative to the base URL, starting with `/`.
    pub path: String,
    /// Not seen in the public docs; decided in §20.
    pub inferred: bool,
}

fn r(method: Method, path: String, inferred: bool) -> Route {
    Route {
        method,
        path,
        inferred,
    }
}

impl Op {
    /// How many operations there are.
    pub const COUNT: usize = 50;

    /// Every operation once, with sample ids: what the route-coverage test walks.
    pub fn samples() -> Vec<Op> {
        use Op::*;
        vec![
            SpacesList,
            SpaceGet(1),
            SpaceCreate,
            SpaceUpdate(1),
            SpaceDelete(1),
            MembersList(1),
            MemberAdd(1),
            MemberUpdate(1, 1),
            MemberRemove(1, 1),
            TablesList(1),
            TableGet(1),
            TableCreate(1),
            TableUpdate(1),
            TableDelete(1),
            ViewsList(1),
            ViewGet(1, 1),
            RecordCreate(1),
            RecordGet(1, 1),
            RecordUpdate(1, 1),
            RecordDelete(1, 1),
            RecordsDeleteBatch(1),
            RecordsQuery(1),
            RecordsCount(1),
            CommentsList(1, 1),
            CommentCreate(1, 1),
            CommentUpload(1, 1),
            FileCreate(1, 1),
            FileDelete(1, 1),
            FileGet(1, 1),
            TableSubscribe(1),
            TableUnsubscribe(1),
            RecordSubscribe(1, 1),
            RecordUnsubscribe(1, 1),
            SubscriptionStatus(1),
            RecordTaskCreate(1, 1),
            RecordTasksList(1, 1),
            TaskGet(1),
            TaskUpdate(1),
            TaskDone(1),
            TaskReopen(1),
            TaskDelete(1),
            TaskCommentsList(1),
            TaskCommentCreate(1),
            TasksCreate,
            TasksList,
            NotificationsList,
            NotificationsUnreadCount,
            NotificationMarkRead(1),
            NotificationMarkUnread(1),
            NotificationsMarkAllRead,
        ]
    }

    /// The place of this operation's variant. The match has no catch-all, so a new operation
    /// does not compile until it is numbered here; a test checks `samples` against `COUNT`.
    pub fn variant_index(self) -> usize {
        use Op::*;
        match self {
            SpacesList => 0,
            SpaceGet(_) => 1,
            SpaceCreate => 2,
            SpaceUpdate(_) => 3,
            SpaceDelete(_) => 4,
            MembersList(_) => 5,
            MemberAdd(_) => 6,
            MemberUpdate(..) => 7,
            MemberRemove(..) => 8,
            TablesList(_) => 9,
            TableGet(_) => 10,
            TableCreate(_) => 11,
            TableUpdate(_) => 12,
            TableDelete(_) => 13,
            ViewsList(_) => 14,
            ViewGet(..) => 15,
            RecordCreate(_) => 16,
            RecordGet(..) => 17,
            RecordUpdate(..) => 18,
            RecordDelete(..) => 19,
            RecordsDeleteBatch(_) => 20,
            RecordsQuery(_) => 21,
            RecordsCount(_) => 22,
            CommentsList(..) => 23,
            CommentCreate(..) => 24,
            CommentUpload(..) => 25,
            FileCreate(..) => 26,
            FileDelete(..) => 27,
            FileGet(..) => 28,
            TableSubscribe(_) => 29,
            TableUnsubscribe(_) => 30,
            RecordSubscribe(..) => 31,
            RecordUnsubscribe(..) => 32,
            SubscriptionStatus(_) => 33,
            RecordTaskCreate(..) => 34,
            RecordTasksList(..) => 35,
            TaskGet(_) => 36,
            TaskUpdate(_) => 37,
            TaskDone(_) => 38,
            TaskReopen(_) => 39,
            TaskDelete(_) => 40,
            TaskCommentsList(_) => 41,
            TaskCommentCreate(_) => 42,
            TasksCreate => 43,
            TasksList => 44,
            NotificationsList => 45,
            NotificationsUnreadCount => 46,
            NotificationMarkRead(_) => 47,
            NotificationMarkUnread(_) => 48,
            NotificationsMarkAllRead => 49,
        }
    }

    pub fn route(self) -> Route {
        use Op::*;
        let (g, p) = (Method::GET, Method::POST);
        match self {
            SpacesList => r(g, "/spaces/list".into(), false),
            SpaceGet(s) => r(g, format!("/space/{s}/get"), false),
            SpaceCreate => r(p, "/spaces/create".into(), false),
            SpaceUpdate(s) => r(p, format!("/space/{s}/update"), true),
            SpaceDelete(s) => r(p, format!("/space/{s}/delete"), true),
            MembersList(s) => r(g, format!("/space/{s}/members/list"), false),
            MemberAdd(s) => r(p, format!("/space/{s}/members/add"), true),
            MemberUpdate(s, u) => r(p, format!("/space/{s}/members/{u}/update"), true),
            MemberRemove(s, u) => r(p, format!("/space/{s}/members/{u}/remove"), true),
            TablesList(s) => r(g, format!("/space/{s}/tables/list"), false),
            TableGet(t) => r(g, format!("/table/{t}/get"), false),
            TableCreate(s) => r(p, format!("/space/{s}/tables/create"), false),
            TableUpdate(t) => r(p, format!("/table/{t}/update"), true),
            TableDelete(t) => r(p, format!("/table/{t}/delete"), true),
            ViewsList(t) => r(g, format!("/table/{t}/views/list"), false),
            ViewGet(t, v) => r(g, format!("/table/{t}/view/{v}/get"), false),
            RecordCreate(t) => r(p, format!("/table/{t}/records/create"), false),
            RecordGet(t, id) => r(g, format!("/table/{t}/record/{id}/get"), false),
            RecordUpdate(t, id) => r(p, format!("/table/{t}/record/{id}/update"), false),
            RecordDelete(t, id) => r(p, format!("/table/{t}/record/{id}/delete"), false),
            RecordsDeleteBatch(t) => r(p, format!("/table/{t}/records/delete_batch"), false),
            RecordsQuery(t) => r(p, format!("/table/{t}/records/query"), false),
            RecordsCount(t) => r(p, format!("/table/{t}/records/count"), false),
            CommentsList(t, id) => r(g, format!("/table/{t}/record/{id}/comments/get"), false),
            CommentCreate(t, id) => r(p, format!("/table/{t}/record/{id}/comments/create"), false),
            CommentUpload(t, id) => r(p, format!("/table/{t}/record/{id}/comments/upload"), false),
            FileCreate(t, id) => r(p, format!("/table/{t}/record/{id}/files/create"), false),
            FileDelete(t, id) => r(p, format!("/table/{t}/record/{id}/files/delete"), false),
            FileGet(t, id) => r(p, format!("/table/{t}/record/{id}/files/get"), false),
            TableSubscribe(t) => r(p, format!("/subscriptions/{t}/subscribe"), false),
            TableUnsubscribe(t) => r(p, format!("/subscriptions/{t}/unsubscribe"), false),
            RecordSubscribe(t, id) => r(p, format!("/subscriptions/{t}/{id}/subscribe"), false),
            RecordUnsubscribe(t, id) => r(p, format!("/subscriptions/{t}/{id}/unsubscribe"), false),
            SubscriptionStatus(t) => r(p, format!("/subscriptions/{t}/status"), false),
            RecordTaskCreate(t, id) => r(p, format!("/tasks/onRecord/{t}/{id}/create"), false),
            RecordTasksList(t, id) => r(g, format!("/tasks/onRecord/{t}/{id}/list"), false),
            TaskGet(id) => r(g, format!("/task/{id}/get"), false),
            TaskUpdate(id) => r(p, format!("/task/{id}/update"), true),
            TaskDone(id) => r(p, format!("/task/{id}/done"), true),
            TaskReopen(id) => r(p, format!("/task/{id}/reopen"), true),
            TaskDelete(id) => r(p, format!("/task/{id}/delete"), true),
            TaskCommentsList(id) => r(g, format!("/task/{id}/comments/get"), true),
            TaskCommentCreate(id) => r(p, format!("/task/{id}/comments/create"), true),
            TasksCreate => r(p, "/tasks/create".into(), true),
            TasksList => r(g, "/tasks/list".into(), true),
            NotificationsList => r(p, "/notifications/list".into(), false),
            NotificationsUnreadCount => r(p, "/notifications/unreadCount".into(), false),
            NotificationMarkRead(id) => r(p, format!("/notifications/{id}/markRead"), false),
            NotificationMarkUnread(id) => r(p, format!("/notifications/{id}/markUnread"), false),
            NotificationsMarkAllRead => r(p, "/notifications/markAllRead".into(), false),
        }
    }

    /// Creating, changing or deleting a workspace: unrestricted account keys only (§2.2).
    pub fn is_workspace_admin(self) -> bool {
        matches!(
            self,
            Op::SpaceCreate | Op::SpaceUpdate(_) | Op::SpaceDelete(_)
        )
    }

    /// The most a success answer may hold: a file download is the file cap in base64 plus its
    /// JSON wrapping; everything else is a page of JSON.
    pub fn response_cap(self) -> usize {
        match self {
            Op::FileGet(..) => crate::MAX_FILE_BYTES.div_ceil(3) * 4 + 64 * 1024,
            _ => crate::client::JSON_BODY_CAP,
        }
    }

    /// Reads may be sent again after a failure; writes never are. Listing notifications only
    /// marks them seen, which is idempotent.
    pub fn is_read(self) -> bool {
        use Op::*;
        self.route().method == Method::GET
            || matches!(
                self,
                RecordsQuery(_)
                    | RecordsCount(_)
                    | FileGet(..)
                    | SubscriptionStatus(_)
                    | NotificationsUnreadCount
                    | NotificationsList
            )
    }
}
