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

    /// Reads may be sent again after a failure; writes never are. Listing notifications only
    /// marks them seen, which is idempotent.
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
