var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{}};SITEGEN_SEARCH.facets[0]=[[4],[0],[1,4],[2,1]];
